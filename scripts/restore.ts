// npm run restore -- FILE
//
// Puts a backup made by `npm run backup` back as the live database (DATABASE_PATH). Stop
// the server first. The backup is checked before anything changes: it must be a sound
// SQLite database (integrity and foreign keys) of the portal (it records its migrations),
// and not from a newer version of the portal than this one. The live database as it was
// is kept beside it (portal.db.before-restore-<time>); then SQLite's backup API copies the
// backup into the live file, which handles the live database's WAL as SQLite means it to.
// The next server start migrates the restored database forward, as at any start.
//
// "In use": the script takes SQLite's exclusive lock on the live database with
// `locking_mode = EXCLUSIVE` and no wait. In WAL mode every open connection keeps a shared
// lock on the database file for as long as it is open, even idle, so the lock is refused
// while the server, `npm run staff`, a backup or a sqlite3 shell has the database open.
// Limits: these are the file locks of this machine (not reliable on a network file
// system, where SQLite itself should not be used); and the lock is let go for the moment
// the copy takes to open the file (better-sqlite3 opens the destination itself), so a
// server that starts in that moment is caught only afterwards: the script checks the lock
// again when it has finished and says to restart the server.
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { copyDatabase, createPrivateFile, databasePath, messageOf, problemsIn, Refusal, removeDatabaseFile, stampOf } from './sqlite-copy';

const USAGE = 'Usage: npm run restore -- FILE   (FILE is a backup made by npm run backup)';
const NOTHING_CHANGED = 'Nothing was changed.';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const JOURNAL = new URL('../db/migrations/meta/_journal.json', import.meta.url);

async function restore(args: string[]) {
  const [given] = args;
  if (args.length !== 1 || !given || given.startsWith('-')) throw new Refusal(USAGE);
  const file = resolve(given);
  const live = resolve(databasePath());
  checkFile(file, live);

  const stamp = stampOf();
  mkdirSync(dirname(live), { recursive: true, mode: 0o700 });
  // The checks and the copy read a private copy of the backup, beside the live database:
  // opening the backup itself could leave journal files beside it, or change it.
  const staging = `${live}.restoring-${stamp}-${process.pid}`;
  createPrivateFile(staging);
  try {
    copyFileSync(file, staging);
    chmodSync(staging, 0o600);
    const backup = new Database(staging, { fileMustExist: true });
    try {
      const migrations = checkBackup(backup, file);
      let safetyCopy: string | undefined;
      if (existsSync(live)) safetyCopy = await keepSafetyCopy(live, stamp);
      else createPrivateFile(live);
      await copyDatabase(backup, live);
      checkRestored(live, migrations, safetyCopy);
      console.log(`Restored ${file} into ${live}.`);
      if (safetyCopy) console.log(`The database as it was is in ${safetyCopy}. It holds personal data: delete it once the service works.`);
      console.log('Start the server: it brings the restored database up to date.');
    } finally {
      backup.close();
    }
  } finally {
    removeDatabaseFile(staging);
  }
}

function checkFile(file: string, live: string) {
  if (!existsSync(file)) throw new Refusal(`There is no file at ${file}. ${NOTHING_CHANGED}`);
  if (!statSync(file).isFile()) throw new Refusal(`${file} is not a file. ${USAGE}`);
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new Refusal(`${file} is not a SQLite database, so it is not a backup of the portal. ${NOTHING_CHANGED}`);
  if (existsSync(live) && realpathSync(file) === realpathSync(live)) throw new Refusal(`${file} is the live database itself. ${USAGE}`);
}

/** Refuses a damaged backup, another program's database, or one from a newer version. Returns how many migrations it has. */
function checkBackup(backup: Database.Database, file: string): number {
  const problems = problemsIn(backup);
  if (problems.length) throw new Refusal(`${file} is damaged, so it was not restored. SQLite found:\n  ${problems.join('\n  ')}\n${NOTHING_CHANGED}`);
  const notOurs = `${file} is a SQLite database, but not the portal's: it has no record of migrations (__drizzle_migrations). ${NOTHING_CHANGED}`;
  if (!backup.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()) throw new Refusal(notOurs);
  const applied = backup.prepare('select count(*) as n, max(created_at) as latest from __drizzle_migrations').get() as { n: number; latest: number | null };
  if (applied.n === 0) throw new Refusal(notOurs);
  const known = (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: { when: number }[] }).entries;
  if (applied.n > known.length || Number(applied.latest) > Math.max(...known.map((entry) => entry.when)))
    throw new Refusal(
      `${file} comes from a newer version of the portal: it has ${applied.n} database migrations and this version knows ${known.length}. ` +
        `Restore it with that version or a later one. ${NOTHING_CHANGED}`,
    );
  return applied.n;
}

/**
 * Opens the live database holding SQLite's exclusive lock, without waiting for it: refused
 * while any other connection has the database open (see the top of this file).
 */
function lockLive(live: string): Database.Database {
  const db = new Database(live, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const isBusy = (error: unknown) => String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/** Copies the live database as it is now to portal.db.before-restore-<time>, while no one else has it open. */
async function keepSafetyCopy(live: string, stamp: string): Promise<string> {
  let db: Database.Database;
  try {
    db = lockLive(live);
  } catch (error) {
    if (isBusy(error))
      throw new Refusal(
        `The database at ${live} is in use: the server, or another program (npm run staff, a backup, a sqlite3 shell), has it open. ` +
          `Stop the server, then run the restore again. ${NOTHING_CHANGED}`,
      );
    throw new Refusal(
      `The live database at ${live} cannot be opened (${messageOf(error)}). If it is damaged, move it aside, ` +
        `with any ${basename(live)}-wal and ${basename(live)}-shm files beside it, and run the restore again. ${NOTHING_CHANGED}`,
    );
  }
  const safetyCopy = `${live}.before-restore-${stamp}`;
  try {
    createPrivateFile(safetyCopy);
    await copyDatabase(db, safetyCopy);
    const copy = new Database(safetyCopy, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    return safetyCopy;
  } catch (error) {
    removeDatabaseFile(safetyCopy);
    throw new Refusal(`Could not keep a copy of the live database, so nothing was restored: ${messageOf(error)}. ${NOTHING_CHANGED}`);
  } finally {
    // The last connection to close writes the WAL into the database file and removes it.
    db.close();
  }
}

/** After the copy: no one else opened the database meanwhile, and it is the backup, sound. */
function checkRestored(live: string, migrations: number, safetyCopy: string | undefined) {
  const before = safetyCopy ? ` The database as it was is in ${safetyCopy}.` : '';
  let db: Database.Database;
  try {
    db = lockLive(live);
  } catch (error) {
    if (isBusy(error))
      throw new Refusal(`The backup was restored, but another program opened the database while it was being restored. Restart the server now.${before}`);
    throw new Refusal(`The restored database cannot be opened (${messageOf(error)}).${before}`);
  }
  try {
    const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join();
    const applied = (db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    if (quick !== 'ok' || applied !== migrations) throw new Refusal(`The restored database does not match the backup (${quick}).${before}`);
  } finally {
    db.close();
  }
}

restore(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = 1;
});
