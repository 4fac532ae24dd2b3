// Property: over any sequence of writing, sending, deciding, revising, pausing and
// resuming, each participant sees exactly the text that was passed on to them, and
// never a word that was removed or never approved.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '#db/client.server';
import { assessments, cases, exchangeMembers, exchanges, participants, referrals, staffUsers } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { pauseByMember, resumeExchange } from './letters/exchange.server';
import { getMemberHome, getOwnLetter, readLetter } from './letters/reading.server';
import { decideLetter } from './letters/review.server';
import { saveDraft, submitLetter } from './letters/writing.server';

let manager: StaffUser;
let run = 0;

beforeAll(() => {
  migrateDatabase(db, resolve('db/migrations'));
  const id = db.insert(staffUsers).values({ email: 'prop@example.org', name: 'Prop', role: 'manager' }).returning({ id: staffUsers.id }).get().id;
  manager = { id, email: 'prop@example.org', name: 'Prop', role: 'manager' };
});

/** A fresh exchange with two members, for one run of the property. */
function freshExchange() {
  run++;
  const referral = db
    .insert(referrals)
    .values({ reference: `RJ-PROP-${run}`, source: 'partner', offenceKind: 'theft', justiceStage: 'not_sure', supportNeeds: [] })
    .returning({ id: referrals.id })
    .get();
  const kase = db.insert(cases).values({ referralId: referral.id, facilitatorId: manager.id, stage: 'in_progress' }).returning({ id: cases.id }).get();
  const ex = db.insert(exchanges).values({ caseId: kase.id }).returning({ id: exchanges.id }).get();
  const members = (['victim', 'offender'] as const).map((role, i) => {
    const p = db
      .insert(participants)
      .values({ caseId: kase.id, role, name: `${role} ${run}` })
      .returning({ id: participants.id })
      .get();
    db.insert(assessments).values({ participantId: p.id }).run();
    return db
      .insert(exchangeMembers)
      .values({ exchangeId: ex.id, participantId: p.id, reference: `RJL-P${run}-${i}` })
      .returning({ id: exchangeMembers.id })
      .get().id;
  }) as [number, number];
  return { caseId: kase.id, exchangeId: ex.id, members };
}

const action = fc.oneof(
  fc.record({ t: fc.constant('write' as const), who: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ t: fc.constant('submit' as const), pick: fc.nat(5) }),
  fc.record({ t: fc.constant('approve' as const), pick: fc.nat(5), redact: fc.boolean() }),
  fc.record({ t: fc.constant('return' as const), pick: fc.nat(5) }),
  fc.record({ t: fc.constant('refuse' as const), pick: fc.nat(5) }),
  fc.record({ t: fc.constant('revise' as const), pick: fc.nat(5) }),
  fc.record({ t: fc.constant('pause' as const), who: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ t: fc.constant('resume' as const) }),
);

describe('letter visibility', () => {
  it('only passed-on text, without removed words, ever reaches the other side', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const { caseId, members } = freshExchange();
        let token = 0;
        // What we wrote: letter id → author index and current tokens.
        const written: { id: number; author: 0 | 1; keep: string; hide: string }[] = [];
        const visible: Set<string>[] = [new Set(), new Set()];
        const everyToken = new Set<string>();
        const body = () => {
          token++;
          const keep = `KEEP${run}x${token}x`;
          const hide = `HIDE${run}x${token}x`;
          everyToken.add(keep).add(hide);
          return { keep, hide, text: `Dear reader, ${keep} and ${hide} end.` };
        };
        const latestVersionId = (letterId: number) =>
          db.$client.prepare('select id from letter_versions where letter_id = ? order by version desc limit 1').pluck().get(letterId) as number | undefined;

        for (const a of actions) {
          const l = 'pick' in a ? written[a.pick % Math.max(written.length, 1)] : undefined;
          if (a.t === 'write') {
            const b = body();
            const r = saveDraft(members[a.who as 0 | 1], null, b.text, members[1 - a.who]!);
            if (r.ok) written.push({ id: r.letterId, author: a.who as 0 | 1, keep: b.keep, hide: b.hide });
          } else if (a.t === 'submit' && l) {
            submitLetter(members[l.author as 0 | 1], l.id);
          } else if (a.t === 'revise' && l) {
            const b = body();
            if (saveDraft(members[l.author as 0 | 1], l.id, b.text, members[1 - l.author]!).ok) Object.assign(l, { keep: b.keep, hide: b.hide });
          } else if ((a.t === 'approve' || a.t === 'return' || a.t === 'refuse') && l) {
            const versionId = latestVersionId(l.id);
            if (!versionId) continue;
            const submitted = getOwnLetter(members[l.author as 0 | 1], l.id)!.submittedBody ?? '';
            if (a.t === 'approve') {
              const at = submitted.indexOf('HIDE');
              const redactions: [number, number][] = a.redact && at >= 0 ? [[at, submitted.indexOf('x end') + 1]] : [];
              const r = decideLetter(manager, l.id, versionId, { kind: 'approve', redactions });
              if (r.ok) {
                const recipient = 1 - l.author;
                for (const m of submitted.match(/(KEEP|HIDE)\d+x\d+x/g) ?? []) if (!(a.redact && m.startsWith('HIDE'))) visible[recipient]!.add(m);
              }
            } else if (a.t === 'return') {
              decideLetter(manager, l.id, versionId, { kind: 'return', messageToAuthor: 'change it' });
            } else {
              decideLetter(manager, l.id, versionId, { kind: 'not_passed_on', reasonForRecord: 'no', messageToAuthor: 'no' });
            }
          } else if (a.t === 'pause') {
            pauseByMember(members[a.who as 0 | 1], 'paused');
          } else if (a.t === 'resume') {
            resumeExchange(manager, caseId, 'resumed');
          }

          // After every step: what each side can reach is exactly what was passed on to them.
          for (const who of [0, 1] as const) {
            const home = getMemberHome(members[who])!;
            const seen = home.received.map((r) => readLetter(members[who], r.id)?.text ?? '').join('\n');
            const homeText = JSON.stringify(home);
            const tokensSeen = new Set(seen.match(/(KEEP|HIDE)\d+x\d+x/g) ?? []);
            expect([...tokensSeen].sort()).toEqual([...visible[who]!].sort());
            // The home page shows states and removed words to the author, never others' text.
            for (const t of everyToken) {
              const mine = written.some((w) => w.author === who && (w.keep === t || w.hide === t));
              if (!mine && !visible[who]!.has(t)) expect(homeText.includes(t)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
