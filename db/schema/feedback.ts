// What people say about the service, kept apart from them: the survey, equality, "you said, we did".
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { cases } from './cases';
import { participants } from './people';
import { referrals } from './referrals';
import { staffUsers } from './staff';

/**
 * A one-time invitation to the optional equality questions: who was asked and whether they
 * answered, never what they said (the answers are in `equality_answers`, unlinked).
 */
export const equalityInvitations = sqliteTable(
  'equality_invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id').references(() => participants.id),
    status: text('status', { enum: ['pending', 'used'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
  },
  (t) => [index('equality_invitations_referral_idx').on(t.referralId, t.status), index('equality_invitations_participant_idx').on(t.participantId, t.status)],
);

/**
 * Equality monitoring answers, stored apart from every case and person: a random id, the
 * month and whether the person was referred or took part, nothing that joins.
 */
export const equalityAnswers = sqliteTable(
  'equality_answers',
  {
    id: text('id').primaryKey(),
    month: text('month').notNull(),
    asked: text('asked', { enum: ['referral', 'participant'] }).notNull(),
    ageBand: text('age_band'),
    sex: text('sex'),
    genderSame: text('gender_same'),
    ethnicGroup: text('ethnic_group'),
    religion: text('religion'),
    disability: text('disability'),
    sexualOrientation: text('sexual_orientation'),
  },
  (t) => [index('equality_answers_month_idx').on(t.month)],
);

/** An invitation to the survey: who was asked and whether they answered, never what they said. */
export const feedbackInvitations = sqliteTable(
  'feedback_invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    // What the anonymous answer will carry: the process they took part in and their role.
    processKind: text('process_kind').notNull(),
    role: text('role', { enum: ['victim', 'offender', 'supporter'] }).notNull(),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
    // SHA-256 of the one-time link's token (online only).
    tokenHash: text('token_hash').unique(),
    status: text('status', { enum: ['pending', 'used'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    index('feedback_invitations_case_idx').on(t.caseId, t.status),
    index('feedback_invitations_participant_idx').on(t.participantId, t.status),
    // The worklist keeps a closed case while a paper survey is still to send.
    index('feedback_invitations_pending_idx').on(t.status, t.channel, t.caseId),
  ],
);

/**
 * A release of survey answers (decision 024): answers are held unseen until a quarter begins
 * with enough of them, from enough cases, to be shown together. `quarter` is the quarter the
 * release opened ('2027-Q1'), `month` its first month, for the reports' periods.
 */
export const feedbackReleases = sqliteTable(
  'feedback_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quarter: text('quarter').notNull().unique(),
    month: text('month').notNull(),
    answers: integer('answers').notNull(),
    releasedAt: integer('released_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('feedback_releases_month_idx').on(t.month)],
);

/**
 * Which cases held answers come from, and by which channel: only so that a release can wait
 * for enough of them. No answer points here, rows have no order (WITHOUT ROWID), and a release
 * empties the table.
 */
export const feedbackHeldCases = sqliteTable(
  'feedback_held_cases',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.channel] })],
);

/**
 * Anonymous answers. No case, person, invitation or time: a random id, so neither a join
 * nor the order of rows can tie an answer to whoever gave it. `release_id` is null while the
 * answer is held; `month` is no longer written (it dated each answer) and is empty.
 */
export const feedbackAnswers = sqliteTable(
  'feedback_answers',
  {
    id: text('id').primaryKey(),
    processKind: text('process_kind').notNull(),
    role: text('role').notNull(),
    month: text('month').notNull(),
    onPaper: integer('on_paper', { mode: 'boolean' }).notNull(),
    satisfaction: integer('satisfaction'),
    feltSafe: text('felt_safe'),
    listenedTo: text('listened_to'),
    informed: text('informed'),
    recommend: text('recommend'),
    helpedCope: text('helped_cope'),
    comments: text('comments'),
    releaseId: integer('release_id').references(() => feedbackReleases.id),
  },
  (t) => [index('feedback_answers_release_idx').on(t.releaseId)],
);

/**
 * "You said, we did": what the service changed because of feedback or complaints, in words
 * that name no one. Published ones show on the public page.
 */
export const serviceChanges = sqliteTable(
  'service_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    youSaid: text('you_said').notNull(),
    weDid: text('we_did').notNull(),
    source: text('source', { enum: ['feedback', 'complaints', 'both'] }).notNull(),
    changedOn: text('changed_on').notNull(),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_changes_published_idx').on(t.published, t.changedOn), index('service_changes_staff_idx').on(t.byStaffId)],
);
