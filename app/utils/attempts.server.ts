// Sign-in limits that hold under parallel requests. An attempt is counted *before* the
// secret is checked: `reserveAttempt` counts the recent attempts for every key and, if
// none is at its limit, records one attempt for each, all in one IMMEDIATE transaction
// (one process at a time holds SQLite's write lock, and better-sqlite3 runs the whole
// transaction without yielding). So at most `max` guesses are ever checked per key in the
// window, however many arrive at once. A sign-in that succeeds releases its reservation;
// a failed one leaves it standing as the failure.
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import { signInFailures } from '#db/schema';
import { db } from './db.server';
import { env } from './env.server';

/**
 * The window every limit counts over, and what the purge keeps: one value, so a limit can
 * never count over rows the purge has already removed.
 */
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

export type AttemptScope = (typeof signInFailures.$inferInsert)['scope'];
/** A counter: by `value` (hashed here), or by a `key` made with `pairKey`. */
export type AttemptKey = { scope: AttemptScope; value: string; max: number } | { scope: AttemptScope; key: string; max: number };
export type Reservation = { ok: true; ids: number[] } | { ok: false; locked: AttemptScope };

/** Counters are keyed by an HMAC of the reference, account or address, never the value. */
export const attemptKey = (scope: AttemptScope, value: string) => createHmac('sha256', env.SESSION_SECRET).update(`${scope}:${value}`).digest('hex');

/**
 * The key of one account (or reference) tried from one address: the account's key, a dot,
 * the address's key. Every pair of an account starts with the same prefix, so a manager can
 * lift them all (`liftLocks`) without knowing the addresses.
 */
export const pairKey = (scope: AttemptScope, subject: string, address: string) => `${attemptKey(scope, subject)}.${attemptKey(scope, `from ${address}`)}`;

/** How many tries are counted now against a key: the one count behind every limit and every lock shown. */
export function recentAttempts(scope: AttemptScope, subjectKey: string, now = Date.now(), tx: Pick<typeof db, 'select'> = db): number {
  return (
    tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, subjectKey), gt(signInFailures.createdAt, new Date(now - ATTEMPT_WINDOW_MS))))
      .get()?.n ?? 0
  );
}

/** recentAttempts for many keys of one scope at once (a page listing every account), by key. */
export function recentAttemptsByKey(scope: AttemptScope, keys: string[], now = Date.now()): Map<string, number> {
  if (!keys.length) return new Map();
  const rows = db
    .select({ key: signInFailures.key, n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.scope, scope), inArray(signInFailures.key, keys), gt(signInFailures.createdAt, new Date(now - ATTEMPT_WINDOW_MS))))
    .groupBy(signInFailures.key)
    .all();
  return new Map(rows.map((r) => [r.key, r.n]));
}

/**
 * Ends every lock on one account: its own counter (`scope`) and each of its pairs with an
 * address (`pairScope`, found by the key's prefix, a range the index reads). Run in `tx`.
 */
export function liftLocks(tx: Pick<typeof db, 'delete'>, scope: AttemptScope, pairScope: AttemptScope, subjectKey: string): number {
  const own = tx
    .delete(signInFailures)
    .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, subjectKey)))
    .run().changes;
  const pairs = tx
    .delete(signInFailures)
    .where(and(eq(signInFailures.scope, pairScope), gte(signInFailures.key, `${subjectKey}.`), lt(signInFailures.key, `${subjectKey}/`)))
    .run().changes;
  return own + pairs;
}

export function reserveAttempt(keys: AttemptKey[], now = Date.now()): Reservation {
  return db.transaction((tx) => {
    const hashed = keys.map((k) => ({ scope: k.scope, max: k.max, key: 'key' in k ? k.key : attemptKey(k.scope, k.value) }));
    for (const k of hashed) {
      if (recentAttempts(k.scope, k.key, now, tx) >= k.max) return { ok: false, locked: k.scope } as const;
    }
    const rows = tx
      .insert(signInFailures)
      .values(hashed.map((k) => ({ scope: k.scope, key: k.key, createdAt: new Date(now) })))
      .returning({ id: signInFailures.id })
      .all();
    return { ok: true, ids: rows.map((r) => r.id) } as const;
  });
}

/** The secret was right: the reserved attempt does not count against anyone. */
export function releaseAttempt(reservation: { ids: number[] }) {
  if (reservation.ids.length) db.delete(signInFailures).where(inArray(signInFailures.id, reservation.ids)).run();
}

/** Attempts older than the window are no longer needed. */
export function purgeOldAttempts(now = Date.now()) {
  return db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now - ATTEMPT_WINDOW_MS)))
    .run().changes;
}
