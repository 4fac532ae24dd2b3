// Subject access (UK GDPR article 15): everything the portal holds about one person, for a
// manager to review and send. One person is a case participant, a self-referrer (their
// referral), or a partner referrer (every referral sent with their email address). The
// bundle is plain sections of labelled items, the same for the printable page and the JSON
// file. Items that are about, or written by, someone else are marked `othersData` for the
// manager to review (and redact) before it goes out. Producing it is an audit row.
import { data } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import { idParam } from '~/utils/params.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { describeAuditAction, SUBJECT_TYPES, type SubjectType } from '~/models/audit-vocabulary';
import { recordAudit } from '~/models/audit.server';
import { STAGE_LABELS } from '~/models/cases/case-stages';
import { referralRows } from '~/models/referrals/referral-details';
import { participantBundle } from './participant-bundle.server';

export const SUBJECT_KINDS = ['participant', 'self-referrer', 'partner-referrer'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export type Item = { label: string; value: string; at?: string; othersData?: boolean };
export type Section = { title: string; note?: string; items: Item[] };
export type Bundle = { kind: SubjectKind; who: string; producedAt: string; producedBy: string; sections: Section[] };

const sqlite = () => db.$client;
export const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
export const rows = <T>(sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .all(...params) as T[];
const stageLabel = (s: string) => STAGE_LABELS[s as keyof typeof STAGE_LABELS];

/** Who opened or changed these records, and when: the person's right to know who accessed their data. */
function accessLog(subjects: { type: SubjectType; ids: (number | string)[] }[]): Section {
  const names = new Map(rows<{ id: number; name: string }>('select id, name from staff_users').map((s) => [String(s.id), s.name]));
  const items: (Item & { id: number })[] = [];
  for (const s of subjects) {
    if (!s.ids.length) continue;
    const found = rows<{ id: number; at: number; actorType: string; actorId: string | null; action: string; subjectId: string }>(
      `select id, created_at as at, actor_type as actorType, actor_id as actorId, action, subject_id as subjectId from audit_events
       where subject_type = ? and subject_id in (${s.ids.map(() => '?').join(', ')})`,
      s.type,
      ...s.ids.map(String),
    );
    for (const r of found)
      items.push({
        id: r.id,
        label: r.actorType === 'staff' ? (names.get(r.actorId ?? '') ?? 'A member of staff') : r.actorType === 'referrer' ? 'The referrer' : 'The portal',
        value: `${describeAuditAction(r.action, stageLabel)} (${SUBJECT_TYPES[s.type]})`,
        at: iso(r.at),
      });
  }
  items.sort((a, b) => a.id - b.id);
  return { title: 'Who opened or changed these records', items: items.map(({ id: _id, ...item }) => item) };
}

/** Answers that describe someone else: the person who did the harm, the victim, supporters, risks to others. */
const ABOUT_OTHERS = /harm|offender|victim|person responsible|supporter|risk|who asked/i;

export function referralSection(referralId: number, title: string, othersData: boolean | 'by-answer'): Section | null {
  const r = db.select().from(referrals).where(eq(referrals.id, referralId)).get();
  if (!r) return null;
  return {
    title: `${title} (${r.reference})`,
    note: othersData ? 'The referral may describe other people. Review each answer before sending.' : undefined,
    items: [
      { label: 'Sent', value: r.source === 'self' ? 'Self-referral' : 'Referral by an agency', at: r.createdAt.toISOString() },
      ...referralRows(r).map((row) => ({ label: row.key, value: row.value, othersData: othersData === 'by-answer' ? ABOUT_OTHERS.test(row.key) : othersData })),
    ],
  };
}

export function messagesSection(referralId: number): Section {
  return {
    title: 'Messages',
    items: rows<{ sender: string; body: string; at: number }>(
      'select sender, body, created_at as at from referral_messages where referral_id = ? order by created_at, id',
      referralId,
    ).map((m) => ({ label: m.sender === 'referrer' ? 'From you' : 'From the service', value: m.body, at: iso(m.at) })),
  };
}

function selfReferrerBundle(referralId: number) {
  const [r] = rows<{ id: number; source: string; reference: string; contactName: string | null; status: string }>(
    'select id, source, reference, contact_name as contactName, status from referrals where id = ?',
    referralId,
  );
  if (!r || r.source !== 'self') return null;
  const referral = referralSection(r.id, 'Their referral', 'by-answer')!;
  referral.note = 'In their own words. Answers about the person who harmed them (a name, for example) are about someone else: review them.';
  return {
    who: `${r.contactName ?? 'Anonymous self-referrer'} (${r.reference})`,
    sections: [referral, { title: 'Where it stands', items: [{ label: 'Status', value: r.status.replace(/_/g, ' ') }] }, messagesSection(r.id)],
    audit: [
      { type: 'referral' as const, ids: [r.id] },
      { type: 'referral_message' as const, ids: rows<{ id: number }>('select id from referral_messages where referral_id = ?', r.id).map((m) => m.id) },
    ],
  };
}

function partnerReferrerBundle(referralId: number) {
  const [first] = rows<{ email: string | null; name: string | null; source: string }>(
    'select referrer_email as email, referrer_name as name, source from referrals where id = ?',
    referralId,
  );
  if (!first || first.source !== 'partner' || !first.email) return null;
  const theirs = rows<{ id: number; reference: string; name: string; email: string; phone: string | null; agency: string | null; at: number }>(
    `select id, reference, referrer_name as name, referrer_email as email, referrer_phone as phone, agency, created_at as at
     from referrals where source = 'partner' and lower(referrer_email) = lower(?) order by created_at`,
    first.email,
  );
  return {
    who: `${first.name ?? 'Partner referrer'} (${first.email})`,
    sections: [
      {
        title: 'Referrals they sent',
        note: 'Only their own details are about them. What each referral says about the victim and the person responsible is not theirs to receive.',
        items: theirs.map((r) => ({
          label: r.reference,
          value: [r.name, r.email, r.phone, r.agency].filter(Boolean).join(' · '),
          at: iso(r.at),
        })),
      },
    ],
    audit: [{ type: 'referral' as const, ids: theirs.map((r) => r.id) }],
  };
}

/** The person a subject access URL names (`/:kind/:id`), or 404 for anything else. */
export function subjectOf(params: { kind?: string; id?: string }): { kind: SubjectKind; id: number } {
  if (!(SUBJECT_KINDS as readonly string[]).includes(params.kind ?? '')) throw data('Not found', { status: 404 });
  return { kind: params.kind as SubjectKind, id: idParam(params.id) };
}

/** Everything held about one person, or null if there is no such person. Writes the audit row. */
export function subjectAccess(manager: StaffUser, kind: SubjectKind, id: number): Bundle | null {
  if (manager.role !== 'manager') return null;
  const found = kind === 'participant' ? participantBundle(id) : kind === 'self-referrer' ? selfReferrerBundle(id) : partnerReferrerBundle(id);
  if (!found) return null;
  const sections = [...found.sections, accessLog(found.audit)];
  db.transaction((tx) =>
    recordAudit(tx, { type: 'staff', id: manager.id }, 'subject_access.exported', { type: kind === 'participant' ? 'participant' : 'referral', id }),
  );
  return { kind, who: found.who, producedAt: new Date().toISOString(), producedBy: manager.name, sections };
}
