// The demo's worklist: cases that show each kind of next action (an urgent message, clocks
// breached, letters paused for safety, a case ready to start), and a case the person
// responsible asked for, waiting for the victim's answer.
import { eq } from 'drizzle-orm';
import { assessments, cases, contactLogs, exchanges, participants, referralMessages, referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import { recordAudit } from '~/models/audit.server';

export const DAY = 86_400_000;
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Cases that show the worklist's kinds of next action: an urgent message, clocks breached, letters paused for safety, a case ready to start. */
/** A demo person's assessment with every essential recorded: information given, consent the next day, then the risk decision. */
export function demoAssessment(
  role: 'victim' | 'offender',
  now: number,
  a: { infoDaysAgo: number; riskDaysAgo: number; riskDecision: 'direct' | 'indirect_only'; riskReason: string },
) {
  return {
    infoGivenOn: dayOf(now - a.infoDaysAgo * DAY),
    infoGivenHow: 'in_person',
    consentOn: dayOf(now - (a.infoDaysAgo - 1) * DAY),
    consentHow: 'in_person',
    willing: 'yes' as const,
    motive: 'Wants to put things right (demo)',
    expectations: 'Answers and an apology (demo)',
    acceptsResponsibility: role === 'offender' ? ('yes' as const) : null,
    riskAssessedOn: dayOf(now - a.riskDaysAgo * DAY),
    revictimisationRisk: 'low' as const,
    riskDecision: a.riskDecision,
    riskReason: a.riskReason,
  };
}

export function seedWorklist(facilitatorId: number) {
  if (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, 'RJ-DEMW-URG7')).get()) return;
  const now = Date.now();
  db.transaction((tx) => {
    const referral = (reference: string, ageDays: number, extra: Partial<typeof referrals.$inferInsert> = {}) =>
      tx
        .insert(referrals)
        .values({
          reference,
          source: 'partner',
          status: 'facilitator_will_contact',
          agency: 'police',
          referrerName: 'Sam Sergeant',
          referrerEmail: 'sam@police.demo.invalid',
          initiatedBy: 'victim',
          consentConfirmed: true,
          offenceKind: 'violence',
          justiceStage: 'sentenced',
          risks: ['none'],
          supportNeeds: ['none'],
          createdAt: new Date(now - ageDays * DAY),
          ...extra,
        })
        .returning({ id: referrals.id })
        .get().id;
    const person = (caseId: number, role: 'victim' | 'offender', name: string, a?: Partial<typeof assessments.$inferInsert>) => {
      const id = tx.insert(participants).values({ caseId, role, name }).returning({ id: participants.id }).get().id;
      if (a)
        tx.insert(assessments)
          .values({ participantId: id, ...a })
          .run();
      return id;
    };
    const assessed = (role: 'victim' | 'offender') =>
      demoAssessment(role, now, { infoDaysAgo: 20, riskDaysAgo: 18, riskDecision: 'indirect_only', riskReason: 'Letters first (demo)' });
    const contact = (participantId: number, agoDays: number) =>
      tx
        .insert(contactLogs)
        .values({ participantId, contactedOn: dayOf(now - agoDays * DAY), method: 'phone', outcome: 'Talked it through (demo).', byStaffId: facilitatorId })
        .run();

    // An alarmed message from a self-referrer: urgent, at the top.
    const urgentRef = referral('RJ-DEMW-URG7', 3, { source: 'self', agency: null, referrerName: null, referrerEmail: null, contactMethod: 'none' });
    tx.insert(referralMessages)
      .values({ referralId: urgentRef, sender: 'referrer', body: 'He knows where I live now. I saw his car outside my house last night.' })
      .run();
    const urgent = tx
      .insert(cases)
      .values({ referralId: urgentRef, facilitatorId, stage: 'contacting', unreadSince: new Date(now - 2 * 3_600_000), unreadUrgent: true })
      .returning({ id: cases.id })
      .get().id;
    contact(person(urgent, 'victim', 'Sky (demo)', { infoGivenOn: dayOf(now - 2 * DAY), infoGivenHow: 'phone' }), 2);

    // Referred 8 days ago and nobody has called: both Victims' Code clocks breached.
    const late = tx
      .insert(cases)
      .values({ referralId: referral('RJ-DEMW-LAT3', 8), facilitatorId, stage: 'referred' })
      .returning({ id: cases.id })
      .get().id;
    person(late, 'victim', 'Jamie (demo)');

    // Consent withdrawn mid-exchange: the portal paused the letters.
    const paused = tx
      .insert(cases)
      .values({ referralId: referral('RJ-DEMW-PAU5', 30, { status: 'in_progress' }), facilitatorId, stage: 'in_progress' })
      .returning({ id: cases.id })
      .get().id;
    tx.insert(exchanges).values({ caseId: paused, status: 'paused', pausedBy: 'portal', pauseReason: 'consent-withdrawn' }).run();
    contact(person(paused, 'victim', 'Pat (demo)', { ...assessed('victim'), consentWithdrawnOn: dayOf(now - DAY) }), 1);
    person(paused, 'offender', 'Quinn (demo)', assessed('offender'));

    // Every essential recorded, ready to start; last contact 10 days ago.
    const ready = tx
      .insert(cases)
      .values({ referralId: referral('RJ-DEMW-RDY4', 25), facilitatorId, stage: 'ready' })
      .returning({ id: cases.id })
      .get().id;
    contact(person(ready, 'victim', 'Rowan (demo)', assessed('victim')), 10);
    person(ready, 'offender', 'Sasha (demo)', assessed('offender'));

    for (const id of [urgent, late, paused, ready]) recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id });
  });
}

/**
 * The specification's cases: one the person responsible asked for (the victim must be
 * approached first; the people named in the referral wait to be confirmed), and a youth
 * anti-social behaviour referral waiting in triage (perhaps the youth offending team's).
 */
export function seedVictimFirst(facilitatorId: number) {
  if (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, 'RJ-DEMW-VFT8')).get()) return;
  db.transaction((tx) => {
    const common = {
      source: 'partner' as const,
      consentConfirmed: true,
      risks: ['none'],
      supportNeeds: ['none'],
      heardAbout: 'other_agency',
    };
    const asked = tx
      .insert(referrals)
      .values({
        ...common,
        reference: 'RJ-DEMW-VFT8',
        status: 'facilitator_will_contact',
        agency: 'hmpps',
        referrerName: 'Kim Keyworker',
        referrerEmail: 'kim@prison.demo.invalid',
        initiatedBy: 'offender',
        victimDetails: 'Robin (demo), landline after 5pm',
        offenderDetails: 'Casey (demo), in custody at a demo prison',
        offenderAgeGroup: 'adult',
        offenceKind: 'burglary',
        justiceStage: 'prison',
        createdAt: new Date(Date.now() - DAY),
      })
      .returning({ id: referrals.id })
      .get().id;
    const kase = tx.insert(cases).values({ referralId: asked, facilitatorId, stage: 'referred' }).returning({ id: cases.id }).get().id;
    recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id: kase });
    const youth = tx
      .insert(referrals)
      .values({
        ...common,
        reference: 'RJ-DEMY-0UTH',
        agency: 'yot',
        referrerName: 'Yasmin (demo)',
        referrerEmail: 'yasmin@yot.demo.invalid',
        initiatedBy: 'victim',
        victimDetails: 'Corner shop owner (demo)',
        offenderDetails: 'A 15-year-old (demo)',
        offenderAgeGroup: 'youth',
        antiSocialBehaviour: true,
        offenceKind: 'damage',
        justiceStage: 'community_resolution',
      })
      .returning({ id: referrals.id })
      .get().id;
    recordAudit(tx, { type: 'system' }, 'referral.demo_seeded', { type: 'referral', id: youth });
  });
}
