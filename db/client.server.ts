// The one database connection: better-sqlite3 (synchronous, in process) with drizzle.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type DB = ReturnType<typeof openDatabase>;

/** A drizzle transaction (or the database itself): what model helpers write through. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0] | DB;

export function openDatabase(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
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

/**
 * Applies pending migrations. Foreign keys are off while they run: SQLite ignores that
 * pragma inside the migrator's transaction, and a table rebuild (drop + rename) with them
 * on would cascade-delete every child row. They are checked before they go back on.
 */
export function migrateDatabase(db: DB, migrationsFolder: string) {
  db.$client.pragma('foreign_keys = OFF');
  try {
    migrateWithRetry(db, migrationsFolder);
    const broken = db.$client.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`Migration left ${broken.length} rows with broken foreign keys`);
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
