// Staff: accounts, sessions (staff and passphrase), failed sign-ins, practitioners' records.
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { exchangeMembers } from './letters';
import { referrals } from './referrals';

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
      // `*_from`: one account or reference tried from one address (attempts.server.ts pairKey);
      // `staff_device`: tries from a device the member of staff has signed in on before;
      // `staff_notice`: when they were last told that their account is being tried.
      enum: [
        'reference',
        'address',
        'reference_from',
        'staff_account',
        'staff_address',
        'staff_account_from',
        'staff_device',
        'staff_notice',
        'member',
        'member_address',
        'member_from',
        'partner_address',
        'partner_email',
        'complaint_address',
      ],
    }).notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.scope, t.key, t.createdAt)],
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
