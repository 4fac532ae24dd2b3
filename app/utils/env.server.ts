// Configuration, validated once at start. A missing or wrong value stops the server
// with a message that names the variable. Every variable is listed in docs/operations.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { RETENTION_RULES } from '~/data/retention';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/portal.db'),
  OUTBOX_DIR: z.string().min(1).default('data/outbox'),
  // Without SMTP_URL, emails are written as files under OUTBOX_DIR. Production refuses to
  // start that way unless this says it is meant (a forgotten SMTP_URL sends nobody anything;
  // app/startup.server.ts). The commands (staff, purge, backup) only queue emails.
  OUTBOX_FILES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Restorative Justice Service <no-reply@rj-service.invalid>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EXIT_PAGE_URL: z.url().default('https://www.bbc.co.uk/weather'),
  PUBLIC_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/$/, '')),
  SERVICE_PHONE: z.string().default('0300 123 4567'),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Reverse proxies in front: 'false' (none), 'true' (one), or a number of hops.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or a number of proxies')
    .default('false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  // Victims' Code clocks, in working days from a referral's arrival (commissioning defaults).
  FIRST_CONTACT_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  INFO_GIVEN_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  RISK_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  // Complaints about the service, in working days from the day one arrives: acknowledge it, then answer it.
  COMPLAINT_ACKNOWLEDGE_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(3),
  COMPLAINT_ANSWER_WORKING_DAYS: z.coerce.number().int().min(1).max(120).default(20),
  // Reports: a count from 1 to this number less one shows as "fewer than N" (dashboard and CSV).
  REPORT_SMALL_NUMBER: z.coerce.number().int().min(2).max(20).default(5),
  // Practitioners: supervision falls due this many weeks after the last session; an
  // accreditation shows as due this many days before its renewal date.
  SUPERVISION_WEEKS: z.coerce.number().int().min(1).max(52).default(6),
  ACCREDITATION_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // A self-referral nobody has answered for this long is gone (the first question page says so).
  DRAFT_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  // Tests only: append the SQL text of every statement to this file (tests/integration/query-plans.test.ts).
  SQL_TRACE_FILE: z.string().min(1).optional(),
  DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  // The retention purge runs once a day at or after this hour, UK time.
  RETENTION_PURGE_HOUR: z.coerce.number().int().min(0).max(23).default(2),
  // Retention periods (app/data/retention.ts): RETENTION_CLOSED_CASE_MONTHS and the rest.
  ...retentionVariables(),
  // A period shorter than its default deletes records sooner than the privacy page's
  // defaults: set this to 'true' to confirm it is meant (a typo like 2 for 24 is not).
  RETENTION_ALLOW_SHORTER: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

function retentionVariables() {
  return Object.fromEntries(RETENTION_RULES.map((r) => [r.env, z.coerce.number().int().min(r.min).max(r.max).default(r.defaultPeriod)])) as {
    [R in (typeof RETENTION_RULES)[number] as R['env']]: z.ZodDefault<z.ZodCoercedNumber>;
  };
}

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const shorter = RETENTION_RULES.filter((r) => env[r.env] < r.defaultPeriod);
  if (shorter.length && !env.RETENTION_ALLOW_SHORTER) {
    const lines = shorter.map(
      (r) => `  ${r.env}: ${env[r.env]} is shorter than the default ${r.defaultPeriod} ${r.unit}; set RETENTION_ALLOW_SHORTER=true if you mean it`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.COMPLAINT_ANSWER_WORKING_DAYS < env.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS) {
    throw new Error('Invalid configuration:\n  COMPLAINT_ANSWER_WORKING_DAYS: must be at least COMPLAINT_ACKNOWLEDGE_WORKING_DAYS');
  }
  if (!env.SESSION_SECRET) {
    if (env.NODE_ENV === 'production' && !env.DEMO) {
      throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)');
    }
    return { ...env, SESSION_SECRET: localSecret(env.DATABASE_PATH) };
  }
  return env as Env;
}

// The demo and development keep a random secret beside the database, made on first start.
function localSecret(databasePath: string): string {
  const file = join(dirname(databasePath), 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export const env: Env = loadEnv();
