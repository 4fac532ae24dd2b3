// Referrals: what people and partners send, drafts, messages with the referrer, updates to partners.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { staffUsers } from './staff';

export const referrals = sqliteTable(
  'referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    source: text('source', { enum: ['self', 'partner'] }).notNull(),
    status: text('status', {
      enum: ['received', 'being_looked_at', 'facilitator_will_contact', 'in_progress', 'closed', 'withdrawn', 'declined'],
    })
      .notNull()
      .default('received'),
    passphraseHash: text('passphrase_hash'),
    // Self-referral answers (null on partner referrals where the question is not asked).
    personRole: text('person_role'),
    offenceKind: text('offence_kind').notNull(),
    offenceOther: text('offence_other'),
    whenHappened: text('when_happened'),
    area: text('area'),
    reportedToPolice: text('reported_to_police'),
    crimeReference: text('crime_reference'),
    justiceStage: text('justice_stage').notNull(),
    knowsWhoHarmed: text('knows_who_harmed'),
    harmerName: text('harmer_name'),
    contactKinds: text('contact_kinds', { mode: 'json' }).$type<string[]>(),
    whatToSay: text('what_to_say'),
    contactMethod: text('contact_method'),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    phoneSafeTimes: text('phone_safe_times'),
    phoneMessageOk: text('phone_message_ok'),
    postalAddress: text('postal_address'),
    supportNeeds: text('support_needs', { mode: 'json' }).$type<string[]>().notNull(),
    interpreterLanguage: text('interpreter_language'),
    accessNeeds: text('access_needs'),
    supporterDetails: text('supporter_details'),
    // Partner referrals.
    agency: text('agency'),
    agencyOther: text('agency_other'),
    referrerName: text('referrer_name'),
    referrerEmail: text('referrer_email'),
    referrerPhone: text('referrer_phone'),
    initiatedBy: text('initiated_by', { enum: ['victim', 'offender'] }),
    consentConfirmed: integer('consent_confirmed', { mode: 'boolean' }),
    victimDetails: text('victim_details'),
    offenderDetails: text('offender_details'),
    offenceDate: text('offence_date'),
    risks: text('risks', { mode: 'json' }).$type<string[]>(),
    riskNotes: text('risk_notes'),
    offenderAgeGroup: text('offender_age_group', { enum: ['youth', 'adult', 'not_known'] }),
    // Anti-social behaviour is funded apart from crime, so it is tagged whatever the offence kind.
    antiSocialBehaviour: integer('anti_social_behaviour', { mode: 'boolean' }).notNull().default(false),
    // Both forms: "How did you hear about the service?" (optional), for awareness figures.
    heardAbout: text('heard_about'),
    // Partner referrals: whether the person agreed that the referrer hears how it goes (asked
    // on the form, changed by the facilitator when the person says otherwise), and whether
    // the referrer wants the content-free progress emails at all.
    shareWithReferrer: text('share_with_referrer', { enum: ['yes', 'no'] }),
    shareRecordedOn: text('share_recorded_on'),
    referrerUpdates: integer('referrer_updates', { mode: 'boolean' }).notNull().default(true),
    // Why a referral was declined, as a category the referrer may be told and the return counts.
    declineCategory: text('decline_category'),
    // Where the person lives, for the return: a code from report_categories' 'area' scheme,
    // and (partner referrals, where known) the postcode district, like "B21".
    areaCode: text('area_code'),
    postcodeDistrict: text('postcode_district'),
    // A youth referral (the person responsible was under 18): who delivers it, as decided
    // with the youth offending team, before it is accepted.
    yotDecision: text('yot_decision', { enum: ['service', 'joint', 'yot'] }),
    yotDecisionOn: text('yot_decision_on'),
    yotDecisionNote: text('yot_decision_note'),
    // Triage.
    // The partner form's one-time key, so a double submit makes one referral.
    submissionKey: text('submission_key').unique(),
    declinedReason: text('declined_reason'),
    triagedBy: integer('triaged_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    declinedAt: integer('declined_at', { mode: 'timestamp_ms' }),
    // Set when the retention purge removed the personal data (app/models/retention.server.ts):
    // what is left is the anonymous skeleton the reports count.
    purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('referrals_status_created_idx').on(t.status, t.createdAt),
    index('referrals_created_idx').on(t.createdAt, t.id),
    // Reports read these columns for every referral of a period: from the index alone.
    index('referrals_report_idx').on(t.createdAt, t.source, t.agency, t.initiatedBy, t.offenceKind, t.justiceStage, t.status),
    // The return's other breakdowns of a period's referrals, from the index alone.
    index('referrals_return_idx').on(t.createdAt, t.source, t.antiSocialBehaviour, t.offenceKind, t.offenderAgeGroup, t.areaCode, t.heardAbout),
    index('referrals_triaged_by_idx').on(t.triagedBy),
    // The purge's two referral rules: declined, and withdrawn self-referrals, not yet purged.
    index('referrals_declined_purge_idx')
      .on(t.declinedAt)
      .where(sql`status = 'declined' and purged_at is null`),
    index('referrals_withdrawn_purge_idx')
      .on(t.withdrawnAt)
      .where(sql`status = 'withdrawn' and source = 'self' and purged_at is null`),
    // The triage queue's "new" page, oldest first: only referrals awaiting triage, already in
    // order, so a page reads its 25 rows and stops. The list is AWAITING_TRIAGE
    // (app/models/states.ts), written out because db/ imports nothing of the app; the
    // query spells it the same way (triage.server.ts) so SQLite can use this index, and
    // tests/integration/query-plans.test.ts fails if they drift apart.
    index('referrals_awaiting_triage_idx')
      .on(t.createdAt, t.id)
      .where(sql`status in ('received', 'being_looked_at')`),
  ],
);

export const referralMessages = sqliteTable(
  'referral_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referralId: integer('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    sender: text('sender', { enum: ['referrer', 'service'] }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('referral_messages_referral_idx').on(t.referralId, t.createdAt)],
);

// A self-referral in progress. The browser holds only a random id (and a key) in a
// session cookie; the answers stay here until submit, and the row is purged once nobody
// has answered for DRAFT_IDLE_MINUTES (or at once through "Exit this page"). After submit the answers are wiped and the row holds only the new
// passphrase, sealed with the key from the cookie, until the person confirms they saved it.
export const referralDrafts = sqliteTable(
  'referral_drafts',
  {
    id: text('id').primaryKey(),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['in_progress', 'submitted'] })
      .notNull()
      .default('in_progress'),
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    sealedPassphrase: text('sealed_passphrase'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('referral_drafts_referral_idx').on(t.referralId), index('referral_drafts_updated_idx').on(t.updatedAt)],
);

/** A content-free progress email sent to a partner referrer: each kind once per referral. */
export const referrerNotices = sqliteTable(
  'referrer_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referralId: integer('referral_id')
      .notNull()
      .references(() => referrals.id),
    event: text('event', { enum: ['contact_made', 'not_taken_forward', 'process_completed', 'closed'] }).notNull(),
    reasonCategory: text('reason_category'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('referrer_notices_referral_event_idx').on(t.referralId, t.event)],
);

// What survives a referrer's "delete everything": a count per month.
export const deletedReferralCounts = sqliteTable('deleted_referral_counts', {
  month: text('month').primaryKey(),
  count: integer('count').notNull().default(0),
});
