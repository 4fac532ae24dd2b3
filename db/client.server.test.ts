import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './client.server';

describe('migrations', () => {
  it('upgrading a database that has data keeps every row (no cascade on table rebuilds)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rj-mig-'));
    // A migrations folder with only the first migration: the database as issue 2 left it.
    const first = join(dir, 'first');
    cpSync('db/migrations', first, { recursive: true });
    const journal = JSON.parse(readFileSync(join(first, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(join(first, 'meta/_journal.json'), JSON.stringify(journal));

    const db = openDatabase(join(dir, 'portal.db'));
    migrateDatabase(db, first);
    const s = db.$client;
    s.prepare(
      `insert into referrals (reference, source, person_role, offence_kind, when_happened, reported_to_police, justice_stage, knows_who_harmed, contact_kinds, contact_method, support_needs)
       values ('RJ-MMMM-MMMM', 'self', 'self', 'theft', 'month', 'no', 'not_sure', 'no', '[]', 'none', '[]')`,
    ).run();
    s.prepare(`insert into referral_messages (referral_id, sender, body) values (1, 'referrer', 'kept across the upgrade')`).run();

    migrateDatabase(db, 'db/migrations');
    expect(s.prepare('select body from referral_messages').all()).toEqual([{ body: 'kept across the upgrade' }]);
    expect(s.prepare('select reference, agency from referrals').all()).toEqual([{ reference: 'RJ-MMMM-MMMM', agency: null }]);
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    s.close();
  });

  it('checks foreign keys after a migration runs, and does not read the whole database when none does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rj-mig-'));
    const allButLast = join(dir, 'all-but-last');
    cpSync('db/migrations', allButLast, { recursive: true });
    const journal = JSON.parse(readFileSync(join(allButLast, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, -1);
    writeFileSync(join(allButLast, 'meta/_journal.json'), JSON.stringify(journal));

    const db = openDatabase(join(dir, 'portal.db'));
    expect(migrateDatabase(db, allButLast)).toBe(journal.entries.length);
    // A row whose parent is missing, written behind the database's back.
    const s = db.$client;
    s.pragma('foreign_keys = OFF');
    s.prepare(`insert into referral_messages (referral_id, sender, body) values (999, 'referrer', 'orphan')`).run();
    s.pragma('foreign_keys = ON');

    expect(migrateDatabase(db, allButLast)).toBe(0);
    expect(() => migrateDatabase(db, 'db/migrations')).toThrow(/broken foreign keys/);
    // The migration is applied now, but the check it owes is not forgotten: the next start
    // refuses too, until the row is mended.
    expect(() => migrateDatabase(db, 'db/migrations')).toThrow(/broken foreign keys/);
    s.prepare(`delete from referral_messages where body = 'orphan'`).run();
    expect(migrateDatabase(db, 'db/migrations')).toBe(0);
    expect(s.pragma('user_version', { simple: true })).toBe(0);
    s.close();
  });
});

describe('indexes', () => {
  it('every foreign key is the first column of an index (or of the primary key)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rj-idx-'));
    const db = openDatabase(join(dir, 'portal.db'));
    migrateDatabase(db, 'db/migrations');
    const s = db.$client;
    const tables = (
      s.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[]
    ).map((t) => t.name);
    const missing: string[] = [];
    for (const table of tables) {
      const q = (pragma: string, of: string) => s.prepare(`select * from pragma_${pragma}(?)`).all(of) as Record<string, unknown>[];
      const leading = new Set(q('index_list', table).map((i) => (q('index_info', String(i.name))[0] as { name: string }).name));
      const pk = q('table_info', table).find((c) => c.pk === 1);
      if (pk) leading.add(String(pk.name));
      for (const fk of q('foreign_key_list', table)) if (!leading.has(String(fk.from))) missing.push(`${table}.${fk.from}`);
    }
    expect(missing).toEqual([]);
    s.close();
  });
});
