// Processes, meetings and outcome agreements, and each person's agreement to it.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { cases } from './cases';
import { participants } from './people';
import { staffUsers } from './staff';

/** A restorative process a case delivers. A case may have several (indirect, then direct). */
export const processes = sqliteTable(
  'processes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', {
      enum: ['face_to_face', 'community_conference', 'facilitated_contact', 'phone_video', 'recorded_message', 'letters'],
    }).notNull(),
    status: text('status', { enum: ['running', 'completed', 'ended_early'] })
      .notNull()
      .default('running'),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
    outcome: text('outcome'),
    // When the essentials lapsed while it ran (consent withdrawn, a risk decision that no
    // longer allows it, …). An interrupted process can only end early (decision 019).
    interruptedAt: integer('interrupted_at', { mode: 'timestamp_ms' }),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('processes_case_idx').on(t.caseId),
    index('processes_staff_idx').on(t.byStaffId),
    index('processes_started_idx').on(t.startedOn),
    index('processes_ended_idx').on(t.endedOn),
  ],
);

/** A conference or call, planned and then recorded. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    processId: integer('process_id')
      .notNull()
      .references(() => processes.id),
    // Local date and time, as the facilitator typed it: YYYY-MM-DDTHH:MM.
    startsAt: text('starts_at').notNull(),
    mode: text('mode', { enum: ['in_person', 'video', 'phone'] }).notNull(),
    // A venue's name, never an address: the record may be shown to the other side.
    venue: text('venue'),
    otherAttendees: text('other_attendees'),
    checklist: text('checklist', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: ['planned', 'held', 'not_held', 'cancelled'] })
      .notNull()
      .default('planned'),
    record: text('record'),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('meetings_case_idx').on(t.caseId, t.startsAt), index('meetings_process_idx').on(t.processId), index('meetings_staff_idx').on(t.byStaffId)],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantId] }), index('meeting_attendees_participant_idx').on(t.participantId)],
);

/** One thing agreed in the outcome agreement: what, who does it, by when, how it is shown done. */
export const agreementItems = sqliteTable(
  'agreement_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', {
      enum: ['apology', 'answers', 'reparation', 'unpaid_work', 'paying_damage', 'programme', 'progress_updates', 'other'],
    }).notNull(),
    description: text('description').notNull(),
    // Who does it: one of the case's people.
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    dueOn: text('due_on').notNull(),
    evidence: text('evidence').notNull(),
    status: text('status', { enum: ['open', 'done', 'partly', 'not_done'] })
      .notNull()
      .default('open'),
    completedOn: text('completed_on'),
    completionNote: text('completion_note'),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('agreement_items_case_idx').on(t.caseId, t.status, t.dueOn),
    index('agreement_items_due_idx').on(t.status, t.dueOn),
    index('agreement_items_participant_idx').on(t.participantId),
    index('agreement_items_staff_idx').on(t.byStaffId),
  ],
);

/**
 * A participant's agreement to the outcome agreement: when, how, and the items it covered.
 * An item added later is not covered: they are asked again.
 */
export const agreementConsents = sqliteTable(
  'agreement_consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    agreedOn: text('agreed_on').notNull(),
    how: text('how', { enum: ['in_person', 'phone', 'letter', 'online'] }).notNull(),
    itemIds: text('item_ids', { mode: 'json' }).$type<number[]>().notNull(),
    // The member of staff who recorded it; null when the person agreed on their own page.
    recordedBy: integer('recorded_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('agreement_consents_case_idx').on(t.caseId),
    index('agreement_consents_participant_idx').on(t.participantId, t.id),
    index('agreement_consents_recorded_by_idx').on(t.recordedBy),
  ],
);
