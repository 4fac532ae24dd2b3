// Data protection and complaints: legal holds, purge runs, rights requests, complaints.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { cases } from './cases';
import { staffUsers } from './staff';

/** A manager's hold on a case: while it stands, the retention purge leaves the case alone. */
export const legalHolds = sqliteTable(
  'legal_holds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    reason: text('reason').notNull(),
    reviewOn: text('review_on').notNull(),
    placedBy: integer('placed_by')
      .notNull()
      .references(() => staffUsers.id),
    releasedBy: integer('released_by').references(() => staffUsers.id),
    releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
    releaseReason: text('release_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('legal_holds_case_idx').on(t.caseId, t.releasedAt),
    index('legal_holds_placed_by_idx').on(t.placedBy),
    index('legal_holds_released_by_idx').on(t.releasedBy),
  ],
);

/** One run of the retention purge: when, started by what, and what it removed (counts only). */
export const retentionRuns = sqliteTable('retention_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // The server's daily run claims its UK day here, so two server processes run it once.
  day: text('day').unique(),
  startedBy: text('started_by', { enum: ['server', 'command'] }).notNull(),
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
});

export const RIGHTS_REQUEST_KINDS = ['access', 'erasure', 'rectification', 'objection', 'restriction'] as const;

/** A person's request under UK GDPR, with the date it arrived and the date an answer is due. */
export const rightsRequests = sqliteTable(
  'rights_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: RIGHTS_REQUEST_KINDS }).notNull(),
    // Who asked, in the manager's words (a name, or "the victim in RJ-…"): personal data,
    // purged with the request.
    requester: text('requester').notNull(),
    details: text('details'),
    receivedOn: text('received_on').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'answered', 'refused'] })
      .notNull()
      .default('open'),
    answeredOn: text('answered_on'),
    outcome: text('outcome'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('rights_requests_status_idx').on(t.status, t.dueOn),
    index('rights_requests_answered_idx').on(t.answeredOn),
    index('rights_requests_recorded_by_idx').on(t.recordedBy),
  ],
);

/** A complaint about the service, from the public page or recorded by staff. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // What the person can quote when they get in touch again (not their referral reference).
    reference: text('reference').notNull().unique(),
    body: text('body').notNull(),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    referralReference: text('referral_reference'),
    receivedVia: text('received_via', { enum: ['online', 'phone', 'letter', 'email', 'in_person'] }).notNull(),
    receivedOn: text('received_on').notNull(),
    acknowledgeBy: text('acknowledge_by').notNull(),
    answerBy: text('answer_by').notNull(),
    acknowledgedOn: text('acknowledged_on'),
    answeredOn: text('answered_on'),
    answer: text('answer'),
    upheld: text('upheld', { enum: ['yes', 'partly', 'no'] }),
    handledBy: integer('handled_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaints_open_idx').on(t.answeredOn, t.answerBy),
    index('complaints_received_idx').on(t.receivedOn),
    index('complaints_handled_by_idx').on(t.handledBy),
  ],
);
