// The letter exchange (shuttle mediation): exchanges, members, letters, versions, reviews.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { cases } from './cases';
import { participants } from './people';
import { referrals } from './referrals';
import { staffUsers } from './staff';

export const exchanges = sqliteTable('exchanges', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id')
    .notNull()
    .unique()
    .references(() => cases.id),
  status: text('status', { enum: ['open', 'paused', 'withdrawn'] })
    .notNull()
    .default('open'),
  pausedBy: text('paused_by', { enum: ['participant', 'facilitator', 'portal'] }),
  pauseReason: text('pause_reason'),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

/** A participant's place in an exchange, and their sign-in: a reference, a one-time set-up code, their own passphrase. */
export const exchangeMembers = sqliteTable(
  'exchange_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    exchangeId: integer('exchange_id')
      .notNull()
      .references(() => exchanges.id),
    participantId: integer('participant_id')
      .notNull()
      .unique()
      .references(() => participants.id),
    reference: text('reference').notNull().unique(),
    setupCodeHash: text('setup_code_hash'),
    setupExpiresAt: integer('setup_expires_at', { mode: 'timestamp_ms' }),
    passphraseHash: text('passphrase_hash'),
    // Optional: only for content-free "there is a new letter" emails and an invite link.
    email: text('email'),
    // A self-referrer linked to the exchange signs in with their referral's reference and passphrase.
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('exchange_members_exchange_idx').on(t.exchangeId), index('exchange_members_referral_idx').on(t.referralId)],
);

/** `second_reading`: passed on by a first reader with a threat flag kept, waiting for a second reader before it goes. */
export const LETTER_STATUSES = ['draft', 'waiting', 'second_reading', 'returned', 'passed_on', 'not_passed_on'] as const;

/** A flag a reader kept in a letter they passed on, and why. Its words are the letter's: the purge blanks them with it. */
export type KeptFlag = { kind: string; text: string; reason: string };

export const letters = sqliteTable(
  'letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    exchangeId: integer('exchange_id')
      .notNull()
      .references(() => exchanges.id),
    authorMemberId: integer('author_member_id')
      .notNull()
      .references(() => exchangeMembers.id),
    recipientMemberId: integer('recipient_member_id')
      .notNull()
      .references(() => exchangeMembers.id),
    status: text('status', { enum: LETTER_STATUSES }).notNull().default('draft'),
    // The author's working copy, while a draft or returned. Submitted text lives in letter_versions.
    draftBody: text('draft_body').notNull().default(''),
    onPaper: integer('on_paper', { mode: 'boolean' }).notNull().default(false),
    // The only text the recipient ever sees: written once, at approval, redactions applied.
    relayedText: text('relayed_text'),
    passedOnAt: integer('passed_on_at', { mode: 'timestamp_ms' }),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    shareReadWithAuthor: integer('share_read_with_author', { mode: 'boolean' }).notNull().default(false),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index('letters_status_idx').on(t.status, t.submittedAt),
    index('letters_recipient_idx').on(t.recipientMemberId, t.status),
    index('letters_author_idx').on(t.authorMemberId),
    index('letters_exchange_idx').on(t.exchangeId),
  ],
);

/** Every submitted version of a letter. Never updated or deleted. */
export const letterVersions = sqliteTable(
  'letter_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    recordedByStaffId: integer('recorded_by_staff_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('letter_versions_letter_idx').on(t.letterId, t.version), index('letter_versions_staff_idx').on(t.recordedByStaffId)],
);

/**
 * A kind of safety flag the facilitator turned off for one version of a letter, and why
 * (a repeated false alarm). A newer version shows every flag again. Turning it back on
 * marks the row (`turned_on_at`), so who turned what off, why, and when it came back are
 * kept with the letter; both are audit rows. At most one row a version and kind is off.
 */
export const letterFlagsOff = sqliteTable(
  'letter_flags_off',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => letterVersions.id),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    turnedOnAt: integer('turned_on_at', { mode: 'timestamp_ms' }),
    turnedOnByStaffId: integer('turned_on_by_staff_id').references(() => staffUsers.id),
  },
  (t) => [
    uniqueIndex('letter_flags_off_version_kind_idx')
      .on(t.versionId, t.kind)
      .where(sql`turned_on_at is null`),
    index('letter_flags_off_letter_idx').on(t.letterId),
    index('letter_flags_off_staff_idx').on(t.byStaffId),
    index('letter_flags_off_turned_on_by_idx').on(t.turnedOnByStaffId),
  ],
);

/** Every decision on a version. Never updated or deleted. */
export const letterReviews = sqliteTable(
  'letter_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id),
    versionId: integer('version_id')
      .notNull()
      .unique()
      .references(() => letterVersions.id),
    decision: text('decision', { enum: ['approved', 'approved_with_redactions', 'returned', 'not_passed_on'] }).notNull(),
    redactions: text('redactions', { mode: 'json' }).$type<[number, number][]>(),
    messageToAuthor: text('message_to_author'),
    reasonForRecord: text('reason_for_record'),
    /** Contact, where and threat flags left in when passed on, each with the reader's reason. */
    kept: text('kept', { mode: 'json' }).$type<KeptFlag[]>(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    /** A kept threat: the second reader who agreed before it went. */
    secondByStaffId: integer('second_by_staff_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('letter_reviews_letter_idx').on(t.letterId),
    index('letter_reviews_staff_idx').on(t.byStaffId),
    index('letter_reviews_second_staff_idx').on(t.secondByStaffId),
  ],
);

/**
 * A first reader's "pass it on" that keeps a threat flag: it waits here for a second member
 * of staff (a manager, not the first reader), who agrees (the letter goes, and the decision
 * becomes a review row naming both) or sends it back to the first reader with a note.
 */
export const letterSecondReadings = sqliteTable(
  'letter_second_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => letterVersions.id),
    firstByStaffId: integer('first_by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    redactions: text('redactions', { mode: 'json' }).$type<[number, number][]>().notNull(),
    kept: text('kept', { mode: 'json' }).$type<KeptFlag[]>().notNull(),
    needsArranged: integer('needs_arranged', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    outcome: text('outcome', { enum: ['agreed', 'sent_back'] }),
    secondByStaffId: integer('second_by_staff_id').references(() => staffUsers.id),
    note: text('note'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // At most one reading waits for each version.
    uniqueIndex('letter_second_readings_waiting_idx')
      .on(t.versionId)
      .where(sql`outcome is null`),
    index('letter_second_readings_letter_idx').on(t.letterId),
    index('letter_second_readings_first_idx').on(t.firstByStaffId),
    index('letter_second_readings_second_idx').on(t.secondByStaffId),
  ],
);
