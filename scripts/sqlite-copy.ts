// What `npm run backup` and `npm run restore` share: SQLite's online backup in one step,
// the checks a copy must pass, and files only their owner can read. Nothing here imports
// the app: both scripts run from cron or a shell with only DATABASE_PATH (and BACKUP_DIR)
// set, so they must not need SESSION_SECRET, nor make data/session-secret as the app does.
import { closeSync, openSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** Where the live database is: DATABASE_PATH, with the server's default. */
export function databasePath(): string {
  const path = process.env.DATABASE_PATH ?? 'data/portal.db';
  if (!path) throw new Refusal('DATABASE_PATH is set but empty');
  return path;
}

/** A reason to stop: printed as it is (no stack trace), and the script exits with 1. */
export class Refusal extends Error {}

/** UTC to the second, safe in a file name: 2026-11-23T101500Z. */
export const stampOf = (date = new Date()) => `${date.toISOString().slice(0, 19).replace(/:/g, '')}Z`;

/** Makes an empty file only its owner can read or write. Fails if the file exists. */
export function createPrivateFile(path: string) {
  closeSync(openSync(path, 'wx', 0o600));
}

/** Removes a database file and any journal, WAL or shared-memory file beside it. */
export function removeDatabaseFile(path: string) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database open on `source` into the file `destination` with SQLite's online
 * backup API, all pages in one step. One step reads the whole database inside one read
 * transaction, so the copy is one consistent moment even while the server writes (in WAL
 * mode a reader does not hold writers up, nor they it). Copied in small steps, a write by
 * another process between two steps would start the copy again, perhaps for ever.
 *
 * While the source or destination is busy (locked by another process), better-sqlite3
 * tries again on the next tick; this gives up after `timeoutMs`. When the very first step
 * is busy, better-sqlite3 reports success with nothing copied: that is tried again too.
 */
export async function copyDatabase(source: Database.Database, destination: string, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const progress = () => {
      if (Date.now() - started > timeoutMs) throw new Refusal(`The database stayed busy for ${timeoutMs / 1000} seconds. Nothing was copied.`);
      return ALL_PAGES;
    };
    const result = await source.backup(destination, { progress });
    if (result.totalPages > 0) return result;
    progress();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What SQLite finds wrong with a database: its integrity check (every page, index and
 * constraint) and its foreign key check. An empty list means it is sound. The messages
 * name tables, indexes and pages, never the data in them.
 */
export function problemsIn(db: Database.Database): string[] {
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.join() !== 'ok') return integrity.slice(0, 3);
    const broken = db.pragma('foreign_key_check') as { table: string }[];
    if (broken.length) return [`${broken.length} rows have broken foreign keys (the first in table ${broken[0]!.table})`];
    return [];
  } catch (error) {
    return [messageOf(error)];
  }
}

/** An error's message, for a person: SQLite's own words, without a stack trace. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
