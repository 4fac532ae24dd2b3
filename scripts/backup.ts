// npm run backup                  a copy of the live database in BACKUP_DIR (default data/backups)
// npm run backup -- --keep 35     the same, then delete all but the newest 35 backups there
//
// Safe while the server runs: SQLite's online backup copies one consistent moment of the
// database (scripts/sqlite-copy.ts). The copy is checked (integrity and foreign keys)
// before it gets its name, portal-2026-11-23T101500Z.db (UTC), so a file with that name is
// always a whole, sound backup. Only the owner can read it: it holds everything the live
// database holds. Prints one line: where the backup is and its size.
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { copyDatabase, createPrivateFile, databasePath, messageOf, problemsIn, Refusal, removeDatabaseFile, stampOf } from './sqlite-copy';

const USAGE = 'Usage: npm run backup [-- --keep N]';
/** The names this script gives backups; `--keep` deletes nothing else. */
const BACKUP_NAME = /^portal-\d{4}-\d{2}-\d{2}T\d{6}Z\.db$/;

function options() {
  try {
    const { values } = parseArgs({ options: { keep: { type: 'string' } } });
    if (values.keep !== undefined && !/^[1-9]\d{0,4}$/.test(values.keep)) throw new Refusal(`--keep must be a whole number from 1: ${USAGE}`);
    return { keep: values.keep === undefined ? undefined : Number(values.keep) };
  } catch (error) {
    throw error instanceof Refusal ? error : new Refusal(`${messageOf(error)}\n${USAGE}`);
  }
}

async function backup() {
  const { keep } = options();
  const live = databasePath();
  const dir = process.env.BACKUP_DIR ?? 'data/backups';
  if (!dir) throw new Refusal('BACKUP_DIR is set but empty');
  if (!existsSync(live)) throw new Refusal(`There is no database at ${live} (DATABASE_PATH)`);

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).mode & 0o077) console.warn(`Warning: other users of this machine can open ${dir}. Run: chmod 700 ${dir}`);
  const name = `portal-${stampOf()}.db`;
  const path = join(dir, name);
  if (existsSync(path)) throw new Refusal(`${path} already exists: a backup was made this second. Try again.`);
  // Made under a name --keep and restore do not look for, and renamed only once checked.
  const partial = join(dir, `.${name}.partial`);
  createPrivateFile(partial);
  try {
    const source = new Database(live, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    checkCopy(partial);
    publish(partial, path);
  } catch (error) {
    removeDatabaseFile(partial);
    throw error instanceof Refusal ? error : new Refusal(`The backup failed: ${messageOf(error)}`);
  }

  const removed = keep === undefined ? 0 : removeOlder(dir, name, keep);
  console.log(`Backup made: ${path} (${statSync(path).size} bytes)${removed ? `. Deleted ${removed} older backups.` : ''}`);
}

/**
 * A backup is one file: the copy leaves WAL mode (which would want -wal and -shm files
 * beside it). Then SQLite checks every page and every foreign key.
 */
function checkCopy(path: string) {
  const copy = new Database(path, { fileMustExist: true });
  let problems: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    problems = problemsIn(copy);
  } catch (error) {
    problems = [messageOf(error)];
  } finally {
    copy.close();
  }
  if (problems.length) throw new Refusal(`The copy failed its checks, so it was deleted:\n  ${problems.join('\n  ')}`);
}

/** Gives the checked copy its name. Never replaces a file already there. */
function publish(partial: string, path: string) {
  const taken = () => new Refusal(`${path} already exists: a backup was made this second. Try again.`);
  try {
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw taken();
    // A file system without hard links: check, then rename (which would replace).
    if (existsSync(path)) throw taken();
    renameSync(partial, path);
    return;
  }
  unlinkSync(partial);
}

/** Deletes backups beyond the newest `keep` (names sort by time). The new one always stays. */
function removeOlder(dir: string, made: string, keep: number): number {
  const older = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name) && name !== made)
    .sort()
    .reverse()
    .slice(keep - 1);
  for (const name of older) rmSync(join(dir, name));
  return older.length;
}

backup().catch((error: unknown) => {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = 1;
});
