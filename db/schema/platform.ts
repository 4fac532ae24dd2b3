// What the whole service shares: the email outbox, the audit trail, the reporting categories.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { referrals } from './referrals';

// Durable email queue, written in the same transaction as the change that causes it.
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    // A sender claims a row before it sends: its id and until when (a lease). Another
    // sender leaves the row alone until the lease ends, so one row is sent by one process
    // at a time; after a crash the lease runs out and the row is sent again.
    leasedBy: text('leased_by'),
    leasedUntil: integer('leased_until', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_referral_idx').on(t.referralId)],
);

// Who did what to which record, and when. Never holds personal data: ids and action names.
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorType: text('actor_type', { enum: ['referrer', 'staff', 'system'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    // Read audit: a member of staff viewed a case's record that was not assigned to them.
    outsideAssignment: integer('outside_assignment', { mode: 'boolean' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId),
    // What one member of staff did or viewed, newest first.
    index('audit_events_actor_idx').on(t.actorType, t.actorId, t.id),
    // The purge removes rows older than the audit period, oldest first.
    index('audit_events_created_idx').on(t.createdAt),
  ],
);

/**
 * The commissioner's reporting categories, as data: a new or changed MoJ category is a
 * migration that edits these rows, not a code change. `answers` lists the form answers
 * that fall in the category (for a scheme that maps answers, like the justice stage);
 * a retired category keeps its rows for old figures but is no longer offered.
 */
export const reportCategories = sqliteTable(
  'report_categories',
  {
    scheme: text('scheme').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    answers: text('answers', { mode: 'json' }).$type<string[]>().notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.scheme, t.code] })],
);
