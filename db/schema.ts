// Every table the portal keeps. Tables are plural snake_case in SQL, camelCase here.
// Personal data lives only in `referrals`, `referral_messages`, `referral_drafts` and the
// `outbox` rows addressed to a referrer; deleting a referral cascades to all of them.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

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

export const staffUsers = sqliteTable('staff_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['facilitator', 'manager'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  passwordHash: text('password_hash'),
  // The TOTP secret, sealed with a key derived from SESSION_SECRET.
  totpSecretSealed: text('totp_secret_sealed'),
  totpEnrolled: integer('totp_enrolled', { mode: 'boolean' }).notNull().default(false),
  totpLastStep: integer('totp_last_step'),
  setupTokenHash: text('setup_token_hash'),
  setupExpiresAt: integer('setup_expires_at', { mode: 'timestamp_ms' }),
  // The day (YYYY-MM-DD) the last digest of waiting letters was sent.
  lastDigestOn: text('last_digest_on'),
  deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
  // Set when the retention purge removed a long-deactivated account's name and email.
  purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

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

// Sessions of people who came back with a reference and passphrase. `id` is the SHA-256
// of the token in the cookie, so a copy of the database cannot be used to sign in.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['referrer', 'staff', 'participant'] }).notNull(),
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    staffUserId: integer('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    exchangeMemberId: integer('exchange_member_id').references(() => exchangeMembers.id, { onDelete: 'cascade' }),
    // Staff: 'password' until the one-time code is given, then 'full'.
    stage: text('stage', { enum: ['password', 'full'] }),
    csrfToken: text('csrf_token'),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('sessions_referral_idx').on(t.referralId),
    index('sessions_staff_user_idx').on(t.staffUserId),
    index('sessions_member_idx').on(t.exchangeMemberId),
    index('sessions_expires_idx').on(t.expiresAt),
    index('sessions_last_seen_idx').on(t.lastSeenAt),
  ],
);

// Failed sign-ins, for rate limits. `key` is an HMAC of the reference or the address,
// never the value itself.
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', {
      enum: ['reference', 'address', 'staff_account', 'staff_address', 'member', 'member_address', 'partner_address', 'partner_email', 'complaint_address'],
    }).notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.scope, t.key, t.createdAt)],
);

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

// ---- Cases -----------------------------------------------------------------------------

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

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role', { enum: ['victim', 'offender', 'supporter'] }).notNull(),
    name: text('name').notNull(),
    contactDetails: text('contact_details'),
    supporterOf: text('supporter_of'),
    directlyAffected: integer('directly_affected', { mode: 'boolean' }),
    // A victim's answer when first approached about a case the person responsible asked
    // for: may the service contact them about it? Nothing else happens until it is 'yes'.
    contactConsent: text('contact_consent', { enum: ['yes', 'no'] }),
    contactConsentOn: text('contact_consent_on'),
    contactConsentBy: integer('contact_consent_by').references(() => staffUsers.id),
    // The self-referrer, when this person is the one who referred themselves: they see their
    // agreement and answer the survey from "check your referral", with the sign-in they have.
    referralId: integer('referral_id').references(() => referrals.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('participants_case_idx').on(t.caseId),
    index('participants_consent_by_idx').on(t.contactConsentBy),
    index('participants_referral_idx').on(t.referralId),
  ],
);

export const contactLogs = sqliteTable(
  'contact_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    contactedOn: text('contacted_on').notNull(),
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('contact_logs_participant_idx').on(t.participantId, t.contactedOn), index('contact_logs_staff_idx').on(t.byStaffId)],
);

/** One row per participant: the current state of their assessment. Every change is audited. */
export const assessments = sqliteTable(
  'assessments',
  {
    participantId: integer('participant_id')
      .primaryKey()
      .references(() => participants.id),
    infoGivenOn: text('info_given_on'),
    infoGivenHow: text('info_given_how'),
    consentOn: text('consent_on'),
    consentHow: text('consent_how'),
    consentRecordedBy: integer('consent_recorded_by').references(() => staffUsers.id),
    consentWithdrawnOn: text('consent_withdrawn_on'),
    willing: text('willing', { enum: ['yes', 'no', 'unsure'] }),
    // The facilitator's view of why they want to take part and what they hope for.
    motive: text('motive'),
    expectations: text('expectations'),
    acceptsResponsibility: text('accepts_responsibility', { enum: ['yes', 'partly', 'no'] }),
    riskAssessedOn: text('risk_assessed_on'),
    revictimisationRisk: text('revictimisation_risk', { enum: ['low', 'medium', 'high'] }),
    safeguardingConcerns: text('safeguarding_concerns'),
    powerImbalance: text('power_imbalance'),
    specialistFlags: text('specialist_flags', { mode: 'json' }).$type<string[]>(),
    riskDecision: text('risk_decision', { enum: ['direct', 'direct_only', 'indirect_only', 'not_suitable'] }),
    riskReason: text('risk_reason'),
    signedOffBy: integer('signed_off_by').references(() => staffUsers.id),
    signedOffAt: integer('signed_off_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('assessments_consent_by_idx').on(t.consentRecordedBy), index('assessments_signed_off_by_idx').on(t.signedOffBy)],
);

/** Every saved state of an assessment, newest last: who changed which section, and when. Never updated. */
export const assessmentVersions = sqliteTable(
  'assessment_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    section: text('section').notNull(),
    values: text('values', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_versions_participant_idx').on(t.participantId, t.id), index('assessment_versions_staff_idx').on(t.byStaffId)],
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
 * The old values of a participant's details when they were corrected, or of the whole
 * record when one added by mistake was removed. Kept out of the audit trail, which holds
 * no personal data; the audit row says who and when.
 */
export const participantChanges = sqliteTable(
  'participant_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    // No foreign key: a removed participant's row is gone, its old values stay here.
    participantId: integer('participant_id').notNull(),
    change: text('change', { enum: ['edited', 'removed', 'contact-consent'] }).notNull(),
    oldValues: text('old_values', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('participant_changes_case_idx').on(t.caseId),
    index('participant_changes_staff_idx').on(t.byStaffId),
    index('participant_changes_participant_idx').on(t.participantId),
  ],
);

/**
 * What a person needs to take part, one row per kind: an interpreter (and the language),
 * accessibility, literacy, a learning disability, mental health, capacity concerns. Meetings
 * and letters ask about each one recorded.
 */
export const participantNeeds = sqliteTable(
  'participant_needs',
  {
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    kind: text('kind', { enum: ['interpreter', 'accessibility', 'literacy', 'learning_disability', 'mental_health', 'capacity'] }).notNull(),
    detail: text('detail'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.kind] }), index('participant_needs_recorded_by_idx').on(t.recordedBy)],
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

// ---- Letter exchange (shuttle mediation) ----------------------------------------------

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

export const LETTER_STATUSES = ['draft', 'waiting', 'returned', 'passed_on', 'not_passed_on'] as const;

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
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('letter_reviews_letter_idx').on(t.letterId), index('letter_reviews_staff_idx').on(t.byStaffId)],
);

// ---- Processes, meetings and outcome agreements (issue 12) ------------------------------

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

// ---- Participants' feedback (issue 12) ---------------------------------------------------

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
 * Anonymous answers. No case, person, invitation or time beyond the month: a random id,
 * so neither a join nor the order of rows can tie an answer to whoever gave it.
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
  },
  (t) => [index('feedback_answers_month_idx').on(t.month)],
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

// A practitioner's record (Restorative Justice Council practitioner standards): training,
// accreditation with its renewal date, supervision sessions, observed practice and CPD
// hours, kept by managers for each member of staff.
export const PRACTICE_KINDS = ['training', 'complex_training', 'accreditation', 'supervision', 'observation', 'cpd'] as const;
export const practiceRecords = sqliteTable(
  'practice_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffUserId: integer('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    kind: text('kind', { enum: PRACTICE_KINDS }).notNull(),
    onDate: text('on_date').notNull(),
    what: text('what').notNull(),
    supervisorId: integer('supervisor_id').references(() => staffUsers.id),
    renewsOn: text('renews_on'),
    hours: real('hours'),
    byStaffId: integer('by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('practice_records_staff_idx').on(t.staffUserId, t.kind, t.onDate),
    index('practice_records_supervisor_idx').on(t.supervisorId),
    index('practice_records_by_idx').on(t.byStaffId),
  ],
);

// ---- Data protection (issue 14) ---------------------------------------------------------

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
