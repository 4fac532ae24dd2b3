// The people in a case: participants, contact, assessments and their history, needs.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { cases } from './cases';
import { referrals } from './referrals';
import { staffUsers } from './staff';

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
