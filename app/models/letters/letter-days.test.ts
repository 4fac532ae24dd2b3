import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '~/models/working-days';

describe('working days', () => {
  const d = (s: string) => new Date(`${s}T10:00:00Z`);
  it('counts Monday to Friday only', () => {
    expect(workingDaysBetween(d('2026-11-20'), d('2026-11-20'))).toBe(0); // Friday, same day
    expect(workingDaysBetween(d('2026-11-20'), d('2026-11-23'))).toBe(1); // Friday to Monday
    expect(workingDaysBetween(d('2026-11-16'), d('2026-11-19'))).toBe(3); // Monday to Thursday
    expect(workingDaysBetween(d('2026-11-21'), d('2026-11-22'))).toBe(0); // Saturday to Sunday
    expect(workingDaysBetween(d('2026-11-13'), d('2026-11-23'))).toBe(6); // over a weekend
  });
});

describe('the daily digest', () => {
  it('goes once a day to a facilitator whose letters waited over 2 working days', async () => {
    const { resolve } = await import('node:path');
    const { migrateDatabase } = await import('#db/client.server');
    const { db } = await import('~/utils/db.server');
    const { sendDigests } = await import('./notifications.server');
    migrateDatabase(db, resolve('db/migrations'));
    const s = db.$client;
    const staff = s.prepare("insert into staff_users (email, name, role) values ('digest@example.org', 'Di', 'facilitator')").run().lastInsertRowid;
    const ref = s
      .prepare(
        "insert into referrals (reference, source, offence_kind, justice_stage, support_needs) values ('RJ-DIGE-STTT', 'partner', 'theft', 'not_sure', '[]')",
      )
      .run().lastInsertRowid;
    const kase = s.prepare('insert into cases (referral_id, facilitator_id, stage) values (?, ?, ?)').run(ref, staff, 'in_progress').lastInsertRowid;
    const ex = s.prepare('insert into exchanges (case_id) values (?)').run(kase).lastInsertRowid;
    const m = [0, 1].map((i) => {
      const p = s.prepare('insert into participants (case_id, role, name) values (?, ?, ?)').run(kase, i ? 'offender' : 'victim', `P${i}`).lastInsertRowid;
      return s.prepare('insert into exchange_members (exchange_id, participant_id, reference) values (?, ?, ?)').run(ex, p, `RJL-DIG${i}`).lastInsertRowid;
    });
    const monday = new Date('2026-11-16T09:00:00Z');
    s.prepare("insert into letters (exchange_id, author_member_id, recipient_member_id, status, submitted_at) values (?, ?, ?, 'waiting', ?)").run(
      ex,
      m[0],
      m[1],
      monday.getTime(),
    );
    const digests = () =>
      s.prepare("select count(*) as n from outbox where template = 'letters-digest' and to_address = 'digest@example.org'").get() as { n: number };

    expect(sendDigests(new Date('2026-11-18T09:00:00Z'))).toBe(0); // Wednesday: 2 working days, not over
    expect(sendDigests(new Date('2026-11-19T09:00:00Z'))).toBe(1); // Thursday: 3
    expect(sendDigests(new Date('2026-11-19T15:00:00Z'))).toBe(0); // once a day
    expect(sendDigests(new Date('2026-11-20T09:00:00Z'))).toBe(1); // and again the next day
    expect(digests().n).toBe(2);
  });
  it('adds working days over weekends, for the Victims’ Code clocks', () => {
    const d = (s: string) => new Date(`${s}T10:00:00Z`);
    expect(addWorkingDays(d('2026-11-20'), 2)).toBe('2026-11-24'); // Friday + 2 = Tuesday
    expect(addWorkingDays(d('2026-11-16'), 5)).toBe('2026-11-23'); // Monday + 5 = next Monday
    expect(addWorkingDays(d('2026-11-21'), 1)).toBe('2026-11-23'); // Saturday + 1 = Monday
  });
});
