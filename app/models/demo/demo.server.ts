// Demo data for `npm start` (DEMO=true only): a self-referral you can sign back in to, two
// staff accounts with a known password and authenticator key, a partner referral and a case.
import { eq } from 'drizzle-orm';
import {
  agreementItems,
  feedbackAnswers,
  feedbackInvitations,
  meetingAttendees,
  meetings,
  processes,
  assessments,
  cases,
  contactLogs,
  exchangeMembers,
  exchanges,
  letterReviews,
  letters,
  letterVersions,
  participants,
  referralMessages,
  referrals,
  staffUsers,
} from '#db/schema';
import { createHmac, randomUUID } from 'node:crypto';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { hashSecret } from '~/utils/passphrase.server';
import { seal } from '~/utils/seal.server';
import { recordAudit } from '~/models/audit.server';

export const DEMO_REFERENCE = 'RJ-7K4M-Q2XP';
export const DEMO_PASSPHRASE = 'ocean garden window silver rabbit coffee planet';
export const DEMO_STAFF_PASSWORD = 'demo password for the workspace';
/** Base32, 20 bytes. Type it into an authenticator app to sign in to the demo. */
export const DEMO_TOTP_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DEMO_STAFF = [
  { email: 'manager@demo.invalid', name: 'Morgan Manager', role: 'manager' as const },
  { email: 'facilitator@demo.invalid', name: 'Fran Facilitator', role: 'facilitator' as const },
];

const totpKey = () => createHmac('sha256', env.SESSION_SECRET).update('totp-secret-key').digest('base64url');

async function seedStaff() {
  const passwordHash = await hashSecret(DEMO_STAFF_PASSWORD);
  const ids: number[] = [];
  for (const s of DEMO_STAFF) {
    const existing = db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, s.email)).get();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const row = db
      .insert(staffUsers)
      .values({ ...s, passwordHash, totpSecretSealed: seal(DEMO_TOTP_KEY, totpKey()), totpEnrolled: true })
      .returning({ id: staffUsers.id })
      .get();
    ids.push(row.id);
  }
  return ids as [number, number];
}

export const DEMO_LETTER_MEMBERS = [
  { role: 'victim' as const, name: 'Robin (demo)', reference: 'RJL-DEMV-7K4M', passphrase: 'demo victim passphrase' },
  { role: 'offender' as const, name: 'Casey (demo)', reference: 'RJL-DEMQ-2XPA', passphrase: 'demo offender passphrase' },
];

/** A case in progress with a letter exchange: one letter passed on, a reply waiting for review. */
async function seedExchange(facilitatorId: number) {
  if (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, 'RJ-DEMX-3HKW')).get()) return;
  const hashes = await Promise.all(DEMO_LETTER_MEMBERS.map((m) => hashSecret(m.passphrase)));
  db.transaction((tx) => {
    const r = tx
      .insert(referrals)
      .values({
        reference: 'RJ-DEMX-3HKW',
        source: 'partner',
        status: 'in_progress',
        agency: 'hmpps',
        referrerName: 'Harper Prison',
        referrerEmail: 'harper@prison.demo.invalid',
        referrerPhone: '0121 496 0002',
        initiatedBy: 'victim',
        consentConfirmed: true,
        victimDetails: 'Robin (demo).',
        offenderDetails: 'Casey (demo), in prison.',
        offenceKind: 'burglary',
        justiceStage: 'prison',
        risks: ['none'],
        supportNeeds: ['none'],
      })
      .returning({ id: referrals.id })
      .get();
    const kase = tx.insert(cases).values({ referralId: r.id, facilitatorId, stage: 'in_progress' }).returning({ id: cases.id }).get();
    const ex = tx.insert(exchanges).values({ caseId: kase.id }).returning({ id: exchanges.id }).get();
    const memberIds = DEMO_LETTER_MEMBERS.map((m, i) => {
      const p = tx.insert(participants).values({ caseId: kase.id, role: m.role, name: m.name }).returning({ id: participants.id }).get();
      tx.insert(assessments)
        .values({
          participantId: p.id,
          infoGivenOn: '2026-10-01',
          infoGivenHow: 'in_person',
          consentOn: '2026-10-02',
          consentHow: 'in_person',
          consentRecordedBy: facilitatorId,
          willing: 'yes',
          motive: 'Wants to put things right (demo)',
          expectations: 'Answers and an apology (demo)',
          acceptsResponsibility: m.role === 'offender' ? 'yes' : null,
          riskAssessedOn: '2026-10-03',
          revictimisationRisk: 'low',
          riskDecision: 'indirect_only',
          riskReason: 'Letters first (demo)',
        })
        .run();
      return tx
        .insert(exchangeMembers)
        .values({ exchangeId: ex.id, participantId: p.id, reference: m.reference, passphraseHash: hashes[i]! })
        .returning({ id: exchangeMembers.id })
        .get().id;
    });
    const [victimId, offenderId] = memberIds as [number, number];
    const now = Date.now();
    const first = tx
      .insert(letters)
      .values({
        exchangeId: ex.id,
        authorMemberId: victimId,
        recipientMemberId: offenderId,
        status: 'passed_on',
        relayedText: 'I want you to know how it felt to come home that night. I still check the locks every evening. Why our house?',
        passedOnAt: new Date(now - 3 * 86_400_000),
        submittedAt: new Date(now - 4 * 86_400_000),
      })
      .returning({ id: letters.id })
      .get();
    const v1 = tx
      .insert(letterVersions)
      .values({
        letterId: first.id,
        version: 1,
        body: 'I want you to know how it felt to come home that night. I still check the locks every evening. Why our house?',
      })
      .returning({ id: letterVersions.id })
      .get();
    tx.insert(letterReviews).values({ letterId: first.id, versionId: v1.id, decision: 'approved', byStaffId: facilitatorId }).run();
    const reply = tx
      .insert(letters)
      .values({
        exchangeId: ex.id,
        authorMemberId: offenderId,
        recipientMemberId: victimId,
        status: 'waiting',
        onPaper: true,
        submittedAt: new Date(now - 86_400_000),
      })
      .returning({ id: letters.id })
      .get();
    tx.insert(letterVersions)
      .values({
        letterId: reply.id,
        version: 1,
        body:
          'I am sorry. I chose your house because the gate was open. My cousin Kevin said it would be easy. ' +
          'You can write to me at HMP Example, I am on B wing, or add me on snap as owen_77. ' +
          'My mum says your lad still goes to Oakfield juniors. I hope he is alright.',
        recordedByStaffId: facilitatorId,
      })
      .run();
    recordAudit(tx, { type: 'system' }, 'exchange.demo_seeded', { type: 'exchange', id: ex.id });
  });
}

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Cases that show the worklist's kinds of next action: an urgent message, clocks breached, letters paused for safety, a case ready to start. */
/** A demo person's assessment with every essential recorded: information given, consent the next day, then the risk decision. */
function demoAssessment(
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

function seedWorklist(facilitatorId: number) {
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
function seedVictimFirst(facilitatorId: number) {
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

/**
 * After "ready": a conference held last week with its agreement partly done (stage
 * "outcome"), and a closed case whose people answered the survey, with enough anonymous
 * answers across the service for the results page to show its comments.
 */
function seedOutcomes(facilitatorId: number) {
  if (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, 'RJ-DEMO-CONF')).get()) return;
  const now = Date.now();
  db.transaction((tx) => {
    const referral = (reference: string, status: 'in_progress' | 'closed') =>
      tx
        .insert(referrals)
        .values({
          reference,
          source: 'partner',
          status,
          agency: 'police',
          referrerName: 'Sam Sergeant',
          referrerEmail: 'sam@police.demo.invalid',
          initiatedBy: 'victim',
          consentConfirmed: true,
          offenceKind: 'burglary',
          justiceStage: 'sentenced',
          offenderAgeGroup: 'adult',
          risks: ['none'],
          supportNeeds: ['none'],
          heardAbout: 'police',
          createdAt: new Date(now - 60 * DAY),
        })
        .returning({ id: referrals.id })
        .get().id;
    const assessed = (role: 'victim' | 'offender') =>
      demoAssessment(role, now, { infoDaysAgo: 40, riskDaysAgo: 10, riskDecision: 'direct', riskReason: 'Both want to meet; low risk (demo)' });
    const person = (caseId: number, role: 'victim' | 'offender', name: string) => {
      const id = tx.insert(participants).values({ caseId, role, name }).returning({ id: participants.id }).get().id;
      tx.insert(assessments)
        .values({ participantId: id, ...assessed(role) })
        .run();
      return id;
    };

    // A conference held last week; the apology done, the unpaid work partly, updates still to come.
    const conf = tx
      .insert(cases)
      .values({ referralId: referral('RJ-DEMO-CONF', 'in_progress'), facilitatorId, stage: 'outcome' })
      .returning({ id: cases.id })
      .get().id;
    const morgan = person(conf, 'victim', 'Morgan (demo)');
    const riley = person(conf, 'offender', 'Riley (demo)');
    const proc = tx
      .insert(processes)
      .values({
        caseId: conf,
        kind: 'face_to_face',
        status: 'completed',
        startedOn: dayOf(now - 14 * DAY),
        endedOn: dayOf(now - 7 * DAY),
        outcome: 'Met for an hour; an agreement was made (demo)',
        byStaffId: facilitatorId,
      })
      .returning({ id: processes.id })
      .get().id;
    const meeting = tx
      .insert(meetings)
      .values({
        caseId: conf,
        processId: proc,
        startsAt: `${dayOf(now - 7 * DAY)}T10:00`,
        mode: 'in_person',
        venue: 'Community centre, meeting room 2 (demo)',
        otherAttendees: 'Co-facilitator (demo)',
        checklist: ['prepared', 'venue_safe', 'separate_rooms', 'needs_met'],
        status: 'held',
        record: 'Both spoke about what happened and its effects. Riley apologised in person (demo).',
        byStaffId: facilitatorId,
      })
      .returning({ id: meetings.id })
      .get().id;
    tx.insert(meetingAttendees)
      .values([
        { meetingId: meeting, participantId: morgan },
        { meetingId: meeting, participantId: riley },
      ])
      .run();
    const item = (kind: 'apology' | 'unpaid_work' | 'progress_updates', description: string, dueDays: number, status: 'open' | 'done' | 'partly') =>
      tx
        .insert(agreementItems)
        .values({
          caseId: conf,
          kind,
          description,
          participantId: riley,
          dueOn: dayOf(now + dueDays * DAY),
          evidence: 'The facilitator sees it (demo)',
          status,
          completedOn: status === 'open' ? null : dayOf(now - 6 * DAY),
          completionNote: status === 'partly' ? '10 of 20 hours done (demo)' : null,
          byStaffId: facilitatorId,
        })
        .run();
    item('apology', 'A written apology to Morgan (demo)', -5, 'done');
    item('unpaid_work', '20 hours for the community garden (demo)', -1, 'partly');
    item('progress_updates', 'A progress update to Morgan each month (demo)', 14, 'open');
    // Neither has an online sign-in: their surveys go on paper, and the worklist says so.
    for (const [participantId, role] of [
      [morgan, 'victim'],
      [riley, 'offender'],
    ] as const)
      tx.insert(feedbackInvitations).values({ caseId: conf, participantId, processKind: 'face_to_face', role, channel: 'paper' }).run();
    recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id: conf });

    // Closed, completed, and both answered the survey.
    const closed = tx
      .insert(cases)
      .values({ referralId: referral('RJ-DEMO-CLSD', 'closed'), facilitatorId, stage: 'closed', closureReason: 'completed' })
      .returning({ id: cases.id })
      .get().id;
    const people = [person(closed, 'victim', 'Kit (demo)'), person(closed, 'offender', 'Lou (demo)')];
    tx.insert(processes)
      .values({
        caseId: closed,
        kind: 'phone_video',
        status: 'completed',
        startedOn: dayOf(now - 30 * DAY),
        endedOn: dayOf(now - 20 * DAY),
        outcome: 'Talked by video (demo)',
        byStaffId: facilitatorId,
      })
      .run();
    for (const [i, participantId] of people.entries())
      tx.insert(feedbackInvitations)
        .values({ caseId: closed, participantId, processKind: 'phone_video', role: i ? 'offender' : 'victim', channel: 'paper', status: 'used' })
        .run();
    recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id: closed });
    const comments = [
      'I finally got the answers I needed (demo)',
      'The facilitator kept me informed all the way (demo)',
      'It was hard but I am glad I did it (demo)',
      'I felt safe the whole time (demo)',
      'I would tell others to try it (demo)',
      'Waiting for the meeting took a long time (demo)',
    ];
    for (const [i, c] of comments.entries())
      tx.insert(feedbackAnswers)
        .values({
          id: randomUUID(),
          processKind: i % 2 ? 'letters' : 'face_to_face',
          role: i % 3 ? 'victim' : 'offender',
          month: dayOf(now - i * 20 * DAY).slice(0, 7),
          onPaper: i === 0,
          satisfaction: i === 5 ? 3 : 5 - (i % 2),
          feltSafe: 'yes',
          listenedTo: 'yes',
          informed: i === 5 ? 'not_sure' : 'yes',
          recommend: 'yes',
          helpedCope: i % 2 ? 'a_little' : 'yes',
          comments: c,
        })
        .run();
  });
}

export async function seedDemo() {
  const [, facilitatorId] = await seedStaff();
  seedVictimFirst(facilitatorId);
  seedOutcomes(facilitatorId);
  await seedExchange(facilitatorId);
  seedWorklist(facilitatorId);
  const exists = db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, DEMO_REFERENCE)).get();
  if (!exists) {
    const passphraseHash = await hashSecret(DEMO_PASSPHRASE);
    db.transaction((tx) => {
      const r = tx
        .insert(referrals)
        .values({
          reference: DEMO_REFERENCE,
          source: 'self',
          status: 'being_looked_at',
          passphraseHash,
          personRole: 'self',
          offenceKind: 'burglary',
          whenHappened: 'year',
          area: 'Demo town',
          reportedToPolice: 'yes',
          justiceStage: 'sentenced',
          knowsWhoHarmed: 'not_sure',
          contactKinds: ['letters'],
          contactMethod: 'none',
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      tx.insert(referralMessages)
        .values({
          referralId: r.id,
          sender: 'service',
          body: 'Hello. Thank you for getting in touch. A member of our team is reading your referral and will reply here within 5 working days.',
        })
        .run();
      recordAudit(tx, { type: 'system' }, 'referral.demo_seeded', { type: 'referral', id: r.id });

      const p = tx
        .insert(referrals)
        .values({
          reference: 'RJ-DEMP-4RTN',
          source: 'partner',
          agency: 'nps',
          referrerName: 'Pat Probation',
          referrerEmail: 'pat@probation.demo.invalid',
          referrerPhone: '0121 496 0000',
          initiatedBy: 'victim',
          consentConfirmed: true,
          victimDetails: 'Dana (demo). Prefers calls after 6pm.',
          offenderDetails: 'Lee (demo), on probation.',
          offenceKind: 'damage',
          justiceStage: 'probation',
          risks: ['none'],
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      recordAudit(tx, { type: 'system' }, 'referral.demo_seeded', { type: 'referral', id: p.id });

      const accepted = tx
        .insert(referrals)
        .values({
          reference: 'RJ-DEMC-A5E2',
          source: 'partner',
          status: 'facilitator_will_contact',
          agency: 'police',
          referrerName: 'Sam Sergeant',
          referrerEmail: 'sam@police.demo.invalid',
          referrerPhone: '0121 496 0001',
          initiatedBy: 'victim',
          consentConfirmed: true,
          victimDetails: 'Alex (demo).',
          offenderDetails: 'Jordan (demo).',
          offenceKind: 'theft',
          justiceStage: 'sentenced',
          risks: ['none'],
          supportNeeds: ['none'],
        })
        .returning({ id: referrals.id })
        .get();
      const kase = tx.insert(cases).values({ referralId: accepted.id, facilitatorId, stage: 'assessing' }).returning({ id: cases.id }).get();
      tx.insert(participants)
        .values([
          { caseId: kase.id, role: 'victim', name: 'Alex (demo)' },
          { caseId: kase.id, role: 'offender', name: 'Jordan (demo)' },
        ])
        .run();
      recordAudit(tx, { type: 'system' }, 'case.demo_seeded', { type: 'case', id: kase.id });
    });
  }
  const base = `http://localhost:${env.PORT}`;
  console.log(`Demo: check a self-referral at ${base}/check-your-referral with reference ${DEMO_REFERENCE} and passphrase "${DEMO_PASSPHRASE}"`);
  console.log(`Demo: letters at ${base}/letters: ${DEMO_LETTER_MEMBERS.map((m) => `${m.role} ${m.reference} with "${m.passphrase}"`).join('; ')}`);
  console.log(
    `Demo: staff sign in at ${base}/staff/sign-in as ${DEMO_STAFF.map((s) => s.email).join(' or ')}, password "${DEMO_STAFF_PASSWORD}"; add the key ${DEMO_TOTP_KEY} to an authenticator app for the code (demo only)`,
  );
}
