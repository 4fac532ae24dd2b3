// The demo's delivery: processes, meetings, an outcome agreement, feedback and a closed case.
import { eq } from 'drizzle-orm';
import {
  agreementItems,
  feedbackAnswers,
  feedbackReleases,
  feedbackInvitations,
  meetingAttendees,
  meetings,
  processes,
  assessments,
  cases,
  participants,
  referrals,
} from '#db/schema';
import { randomUUID } from 'node:crypto';
import { db } from '~/utils/db.server';
import { recordAudit } from '~/models/audit.server';
import { DAY, dayOf, demoAssessment } from './worklist.server';

/**
 * After "ready": a conference held last week with its agreement partly done (stage
 * "outcome"), and a closed case whose people answered the survey, with enough anonymous
 * answers across the service for the results page to show its comments.
 */
export function seedOutcomes(facilitatorId: number) {
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
    // Released together, as the service releases them (decision 024), in the quarter before this one.
    const release = tx
      .insert(feedbackReleases)
      .values({ quarter: 'demo', month: dayOf(now - 60 * DAY).slice(0, 7), answers: comments.length, releasedAt: new Date(now - 60 * DAY) })
      .returning({ id: feedbackReleases.id })
      .get();
    for (const [i, c] of comments.entries())
      tx.insert(feedbackAnswers)
        .values({
          id: randomUUID(),
          processKind: i % 2 ? 'letters' : 'face_to_face',
          role: i % 3 ? 'victim' : 'offender',
          month: '',
          releaseId: release.id,
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
