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
});
