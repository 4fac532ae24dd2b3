// The one database connection: better-sqlite3 (synchronous, in process) with drizzle.
import { appendFileSync, chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type DB = ReturnType<typeof openDatabase>;

/** A drizzle transaction (or the database itself): what model helpers write through. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0] | DB;

/**
 * `traceFile` (tests only, SQL_TRACE_FILE): every statement's SQL text is appended to it,
 * one per line, so a test can ask SQLite how it runs each query a page makes. Values are
 * bound parameters, so no data reaches the file.
 */
export function openDatabase(path: string, { traceFile }: { traceFile?: string } = {}) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const sqlite = new Database(path);
  // Special category data: the file is its owner's alone (SQLite gives the -wal and -shm
  // files the same permissions as the database).
  if (path !== ':memory:') chmodSync(path, 0o600);
  if (traceFile) {
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      appendFileSync(traceFile, `${source.replace(/\s+/g, ' ')}\n`);
      return prepare(source);
    }) as typeof sqlite.prepare;
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Deleted content is overwritten with zeros, so "delete everything" really removes it.
  sqlite.pragma('secure_delete = ON');
  const db = drizzle(sqlite, { schema });
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE). A deferred
  // transaction that reads and then writes cannot wait for another process's write lock
  // (SQLite answers "database is locked" at once to avoid a deadlock); an immediate one
  // waits up to busy_timeout. Another process here is the staff CLI, or a test.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  return db;
}

/** `PRAGMA user_version` while a foreign key check is owed after a migration. */
const FOREIGN_KEY_CHECK_OWED = 1;

/**
 * Applies pending migrations and returns how many ran. Foreign keys are off while they
 * run: SQLite ignores that pragma inside the migrator's transaction, and a table rebuild
 * (drop + rename) with them on would cascade-delete every child row. So after a migration
 * they are checked over the whole database before they go back on. With nothing to apply
 * there is nothing to check: that check reads every row (seconds at a service's size),
 * and with foreign keys on, no write since could have broken one.
 */
export function migrateDatabase(db: DB, migrationsFolder: string): number {
  const applied = () =>
    (db.$client.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number }).n
      ? (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
      : 0;
  const before = applied();
  db.$client.pragma('foreign_keys = OFF');
  try {
    migrateWithRetry(db, migrationsFolder);
    const ran = applied() - before;
    // `user_version` 1 marks a check still owed: set before checking, cleared only when the
    // check passes, so a start after a failed check checks again instead of carrying on.
    if (ran > 0) db.$client.pragma(`user_version = ${FOREIGN_KEY_CHECK_OWED}`);
    if (db.$client.pragma('user_version', { simple: true }) === FOREIGN_KEY_CHECK_OWED) {
      const broken = db.$client.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`Migration left ${broken.length} rows with broken foreign keys`);
      db.$client.pragma('user_version = 0');
    }
    return ran;
  } finally {
    db.$client.pragma('foreign_keys = ON');
  }
}

/**
 * Two processes starting at once (the server and the staff CLI) can race in the migrator:
 * SQLite refuses one at once with SQLITE_BUSY rather than waiting, or one reads "nothing
 * applied yet" just before the other commits and then finds the table already made.
 * Either way, trying again after a short, random pause reads the applied list afresh.
 */
function migrateWithRetry(db: DB, migrationsFolder: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(db, { migrationsFolder });
      return;
    } catch (error) {
      const busy = /SQLITE_BUSY|database is locked|already exists/.test(String((error as { cause?: unknown })?.cause ?? error));
      if (!busy || attempt >= 40) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25 + Math.random() * 100);
    }
  }
}
