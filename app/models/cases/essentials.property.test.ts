// Property (issue 23): over any history of withdrawing and giving consent, changing
// willingness and risk decisions, adding specialist flags, signing them off, adding
// people, starting, ending and completing processes, planning and holding meetings, adding
// agreed items and moving the case, no process is recorded as completed if any essential
// was missing at any moment while it ran (for its kind: a meeting needs everyone's risk
// decision to allow direct contact), no meeting is held and no move forward is made while
// one is missing. The test keeps its own view of when the essentials held, from the
// database after every step, and never asks the portal's gate.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '#db/client.server';
import { assessments, cases, participants, referrals, staffUsers, type CaseStage } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { addParticipant, moveCase } from './case.server';
import { saveAssessment, signOffRisk, withdrawConsent } from './assessment.server';
import { addAgreementItem, endProcess, startProcess } from '~/models/outcomes/outcomes.server';
import { planMeeting, recordMeeting, updatePreparation } from '~/models/outcomes/meetings.server';
import { isDirect, PREP_CHECKS, type ProcessKind } from '~/models/outcomes/outcomes';

let manager: StaffUser;
let run = 0;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(() => {
  migrateDatabase(db, resolve('db/migrations'));
  const id = db.insert(staffUsers).values({ email: 'lapse@example.org', name: 'Lapse', role: 'manager' }).returning({ id: staffUsers.id }).get().id;
  manager = { id, email: 'lapse@example.org', name: 'Lapse', role: 'manager' };
});

/** A case at "ready" with a victim and the person responsible, every essential recorded and a meeting allowed. */
function freshCase() {
  run++;
  const referral = db
    .insert(referrals)
    .values({ reference: `RJ-LAPSE-${run}`, source: 'partner', offenceKind: 'theft', justiceStage: 'not_sure', supportNeeds: [] })
    .returning({ id: referrals.id })
    .get();
  const caseId = db.insert(cases).values({ referralId: referral.id, facilitatorId: manager.id, stage: 'ready' }).returning({ id: cases.id }).get().id;
  const people = (['victim', 'offender'] as const).map((role) => {
    const id = db
      .insert(participants)
      .values({ caseId, role, name: `${role} ${run}` })
      .returning({ id: participants.id })
      .get().id;
    db.insert(assessments)
      .values({
        participantId: id,
        infoGivenOn: TODAY,
        consentOn: TODAY,
        willing: 'yes',
        motive: 'To be heard',
        expectations: 'Answers',
        acceptsResponsibility: role === 'offender' ? 'yes' : null,
        riskAssessedOn: TODAY,
        riskDecision: 'direct',
      })
      .run();
    return id;
  });
  return { caseId, people };
}

type Person = {
  id: number;
  role: string;
  consentOn: string | null;
  withdrawn: string | null;
  willing: string | null;
  decision: string | null;
  flags: boolean;
  signedOff: boolean;
  info: string | null;
  motive: string | null;
  expectations: string | null;
  responsibility: string | null;
  assessed: string | null;
  directlyAffected: number | null;
};

/** The test's own reading of the essentials, straight from the database. */
function essentialsHold(caseId: number, kind: ProcessKind | null): boolean {
  const people = db.$client
    .prepare(
      `select p.id, p.role, p.directly_affected as directlyAffected, a.info_given_on as info, a.consent_on as consentOn, a.consent_withdrawn_on as withdrawn,
              a.willing, a.motive, a.expectations, a.accepts_responsibility as responsibility, a.risk_assessed_on as assessed,
              a.risk_decision as decision, coalesce(json_array_length(a.specialist_flags), 0) > 0 as flags, a.signed_off_at is not null as signedOff
         from participants p left join assessments a on a.participant_id = p.id where p.case_id = ?`,
    )
    .all(caseId) as Person[];
  if (!people.some((p) => p.role === 'victim') || !people.some((p) => p.role === 'offender')) return false;
  for (const p of people) {
    if (p.role === 'supporter' && !p.directlyAffected) return false;
    if (!p.info || !p.consentOn || p.withdrawn || p.willing !== 'yes' || !p.motive || !p.expectations) return false;
    if (p.role === 'offender' && p.responsibility !== 'yes' && p.responsibility !== 'partly') return false;
    if (!p.assessed || !p.decision || p.decision === 'not_suitable') return false;
    if (p.flags && !p.signedOff) return false;
    if (kind && p.role !== 'supporter') {
      const ok = isDirect(kind) ? ['direct', 'direct_only'] : ['direct', 'indirect_only'];
      if (!ok.includes(p.decision)) return false;
    }
  }
  return true;
}

const KINDS = ['face_to_face', 'phone_video', 'letters', 'recorded_message'] as const satisfies readonly ProcessKind[];
type RiskDecision = 'direct' | 'direct_only' | 'indirect_only' | 'not_suitable';
const who = fc.nat(2);
const pick = fc.nat(5);
const weighted = <T>(...pairs: [T, number][]) => fc.oneof(...pairs.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));
// Weighted so that histories both lapse and recover: most steps keep or restore the essentials.
const step = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('withdraw' as const), who }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('consent' as const), who }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('willing' as const), who, answer: weighted(['yes', 3], ['no', 1], ['unsure', 1]) }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('risk' as const),
      who,
      decision: weighted<RiskDecision>(['direct', 5], ['direct_only', 1], ['indirect_only', 1], ['not_suitable', 1]),
      flags: weighted([false, 3], [true, 1]),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('sign-off' as const), who }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('supporter' as const) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('assess' as const), who }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('start' as const), kind: fc.constantFrom(...KINDS) }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('end' as const), pick, completed: weighted([true, 3], [false, 1]) }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('plan' as const), pick }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('hold' as const), pick }), weight: 6 },
  { arbitrary: fc.record({ t: fc.constant('item' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('move' as const),
      to: weighted<CaseStage>(['assessing', 1], ['ready', 1], ['in_progress', 3], ['outcome', 3], ['closed', 1]),
      completed: fc.boolean(),
    }),
    weight: 2,
  },
);

describe('the essentials hold for a case’s whole life', () => {
  it('no process completes, no meeting is held and the case does not move forward unless they held throughout', () => {
    const seen = { completed: 0, refusedCompletion: 0, held: 0, forward: 0, lapses: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { caseId, people } = freshCase();
        let stage: CaseStage = 'ready';
        // The test's view of each process: started, and whether the essentials ever failed while it ran.
        const procs = new Map<number, { kind: ProcessKind; lapsed: boolean; status: string }>();
        const meetingsPlanned: { id: number; processId: number }[] = [];
        // A closed case refuses changes with a 409 (thrown): that is the rule, not a failure.
        const onCase = <T>(f: () => T): T | null => {
          try {
            return f();
          } catch (error) {
            if (stage === 'closed') return null;
            throw error;
          }
        };
        for (const s of steps) {
          const pid = 'who' in s ? people[s.who % people.length]! : 0;
          const before = { hold: essentialsHold(caseId, null) };
          const running = [...procs.entries()].filter(([, p]) => p.status === 'running');
          const chosen = 'pick' in s ? running[s.pick % Math.max(running.length, 1)] : undefined;
          if (s.t === 'withdraw') onCase(() => withdrawConsent(manager, caseId, pid, TODAY));
          else if (s.t === 'consent') onCase(() => saveAssessment(manager, caseId, pid, 'consent', { consentOn: TODAY, consentHow: 'phone' }));
          else if (s.t === 'willing')
            onCase(() => saveAssessment(manager, caseId, pid, 'willing', { willing: s.answer as 'yes', motive: 'To be heard', expectations: 'Answers' }));
          else if (s.t === 'risk')
            onCase(() =>
              saveAssessment(manager, caseId, pid, 'risk', {
                riskAssessedOn: TODAY,
                revictimisationRisk: 'low',
                riskDecision: s.decision,
                riskReason: 'Reviewed',
                specialistFlags: s.flags ? ['domestic_abuse'] : [],
              }),
            );
          else if (s.t === 'sign-off') onCase(() => signOffRisk(manager, caseId, pid));
          else if (s.t === 'assess') {
            // The whole assessment again, section by section, as a facilitator would after a change.
            onCase(() => saveAssessment(manager, caseId, pid, 'info', { infoGivenOn: TODAY, infoGivenHow: 'phone' }));
            onCase(() => saveAssessment(manager, caseId, pid, 'consent', { consentOn: TODAY, consentHow: 'phone' }));
            onCase(() => saveAssessment(manager, caseId, pid, 'willing', { willing: 'yes', motive: 'To be heard', expectations: 'Answers' }));
            onCase(() =>
              saveAssessment(manager, caseId, pid, 'risk', {
                riskAssessedOn: TODAY,
                revictimisationRisk: 'low',
                riskDecision: 'direct',
                riskReason: 'Reviewed',
              }),
            );
          } else if (s.t === 'supporter') {
            const id = onCase(() => addParticipant(manager, caseId, { role: 'supporter', name: `Supporter ${run}`, directlyAffected: true }));
            if (id) people.push(id);
          } else if (s.t === 'start') {
            const r = onCase(() => startProcess(manager, caseId, s.kind, TODAY));
            if (r?.ok) {
              // The property, at the start: everything it needs held.
              expect(essentialsHold(caseId, s.kind)).toBe(true);
              procs.set(r.id, { kind: s.kind, lapsed: false, status: 'running' });
            }
          } else if (s.t === 'end' && chosen) {
            const [id, p] = chosen;
            const r = onCase(() => endProcess(manager, caseId, id, { status: s.completed ? 'completed' : 'ended_early', endedOn: TODAY, outcome: 'Done' }));
            if (r?.ok) {
              p.status = s.completed ? 'completed' : 'ended_early';
              if (s.completed) {
                // The property: completed only if the essentials held for the whole of it.
                expect(p.lapsed).toBe(false);
                expect(essentialsHold(caseId, p.kind)).toBe(true);
                seen.completed++;
              }
            } else if (r && s.completed) seen.refusedCompletion++;
          } else if (s.t === 'plan' && running.some(([, p]) => isDirect(p.kind))) {
            const direct = running.filter(([, p]) => isDirect(p.kind));
            const chosen = direct[s.pick % direct.length]!;
            const r = onCase(() =>
              planMeeting(manager, caseId, { processId: chosen[0], startsAt: `${TODAY}T09:00`, mode: 'video', attendeeIds: people.slice(0, 2) }),
            );
            if (r?.ok) {
              expect(essentialsHold(caseId, chosen[1].kind)).toBe(true);
              meetingsPlanned.push({ id: r.id, processId: chosen[0] });
              onCase(() =>
                updatePreparation(
                  manager,
                  caseId,
                  r.id,
                  PREP_CHECKS.map(([v]) => v),
                ),
              );
            }
          } else if (s.t === 'hold' && meetingsPlanned.length) {
            const m = meetingsPlanned[s.pick % meetingsPlanned.length]!;
            const r = onCase(() => recordMeeting(manager, caseId, m.id, { status: 'held', record: 'Held' }));
            if (r?.ok || r?.error === 'not-planned') meetingsPlanned.splice(meetingsPlanned.indexOf(m), 1);
            if (r?.ok) {
              const p = procs.get(m.processId)!;
              expect(p.lapsed).toBe(false);
              expect(essentialsHold(caseId, p.kind)).toBe(true);
              seen.held++;
            }
          } else if (s.t === 'item') {
            const r = onCase(() =>
              addAgreementItem(manager, caseId, { kind: 'apology', description: 'Sorry', participantId: people[1]!, dueOn: TODAY, evidence: 'A letter' }),
            );
            if (r?.ok) expect(essentialsHold(caseId, null)).toBe(true);
          } else if (s.t === 'move') {
            const reason = s.to === 'closed' ? (s.completed ? 'completed_outstanding' : 'victim_withdrew') : undefined;
            const r = moveCase(manager, caseId, stage, s.to, reason);
            if (r.ok) {
              const forward =
                (stage === 'ready' && s.to === 'in_progress') || (stage === 'in_progress' && s.to === 'outcome') || reason === 'completed_outstanding';
              if (forward) {
                expect(before.hold).toBe(true);
                seen.forward++;
              }
              stage = s.to;
            }
          }
          // After every step, the test's own record of which running processes saw a lapse.
          for (const [id, p] of procs) {
            const status = db.$client.prepare('select status from processes where id = ?').pluck().get(id) as string;
            p.status = status;
            if (status === 'running' && !essentialsHold(caseId, p.kind)) p.lapsed = true;
          }
          if (!essentialsHold(caseId, null)) seen.lapses++;
        }
      }),
      { numRuns: 500 },
    );
    // Not vacuous: processes did complete, meetings were held, moves made, and lapses refused completions.
    // (Seen over many runs: 60–85 completed, 5–17 held, 38–53 moves forward, 9–27 completions refused.)
    expect(seen.completed).toBeGreaterThan(30);
    expect(seen.held).toBeGreaterThan(2);
    expect(seen.forward).toBeGreaterThan(20);
    expect(seen.refusedCompletion).toBeGreaterThan(4);
  });
});
