// Cases: their stages and history, notes, assignments, lapses of the essentials.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { referrals } from './referrals';
import { staffUsers } from './staff';

export const CASE_STAGES = ['referred', 'contacting', 'assessing', 'ready', 'in_progress', 'outcome', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referralId: integer('referral_id')
      .notNull()
      .unique()
      .references(() => referrals.id),
    facilitatorId: integer('facilitator_id')
      .notNull()
      .references(() => staffUsers.id),
    stage: text('stage', { enum: CASE_STAGES }).notNull().default('referred'),
    closureReason: text('closure_reason'),
    closureNote: text('closure_note'),
    // Set when a referrer or participant writes, cleared when the facilitator opens the
    // case: the worklist puts unread cases first, urgent ones before the rest.
    unreadSince: integer('unread_since', { mode: 'timestamp_ms' }),
    unreadUrgent: integer('unread_urgent', { mode: 'boolean' }).notNull().default(false),
    // When the case closed: the retention clock for everything in it.
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    // When the retention purge removed its personal data (with its referral's).
    purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index('cases_facilitator_idx').on(t.facilitatorId, t.stage),
    index('cases_stage_idx').on(t.stage, t.facilitatorId),
    index('cases_closed_idx').on(t.closedAt),
    // The purge's closed cases not yet purged, oldest first: each batch reads only those.
    index('cases_purge_idx')
      .on(t.closedAt)
      .where(sql`stage = 'closed' and purged_at is null`),
  ],
);

export const caseTransitions = sqliteTable(
  'case_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('case_transitions_case_idx').on(t.caseId, t.createdAt), index('case_transitions_staff_idx').on(t.byStaffId)],
);

/** Dated notes by staff on a case. Never edited: a correction is a new note that names the old one. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    body: text('body').notNull(),
    correctsNoteId: integer('corrects_note_id'),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.id), index('case_notes_staff_idx').on(t.byStaffId)],
);

/**
 * A manager's recorded reason for giving a domestic abuse, sexual offence or hate crime case
 * to a practitioner with no recorded training for complex and sensitive cases.
 */
export const assignmentOverrides = sqliteTable(
  'assignment_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    staffUserId: integer('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    reason: text('reason').notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('assignment_overrides_case_idx').on(t.caseId),
    index('assignment_overrides_staff_idx').on(t.staffUserId),
    index('assignment_overrides_by_idx').on(t.byStaffId),
  ],
);

/** Who a case was passed from and to, by which manager, with their note. */
export const caseAssignments = sqliteTable(
  'case_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    fromStaffId: integer('from_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    toStaffId: integer('to_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    note: text('note').notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_assignments_case_idx').on(t.caseId),
    index('case_assignments_from_idx').on(t.fromStaffId),
    index('case_assignments_to_idx').on(t.toStaffId),
    index('case_assignments_by_idx').on(t.byStaffId),
  ],
);

/**
 * A time when a case past "ready" lost one of its essentials, until they were recorded
 * again. What was missing is kept as codes and participant ids (no names): the page words
 * it from the people as they are.
 */
export const caseLapses = sqliteTable(
  'case_lapses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    gaps: text('gaps', { mode: 'json' }).$type<{ participantId: number | null; what: string }[]>().notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('case_lapses_case_idx').on(t.caseId, t.endedAt)],
);
