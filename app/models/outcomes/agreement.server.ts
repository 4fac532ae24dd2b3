// The outcome agreement as the participants' own: each person's agreement to it (when, how,
// and which items it covered), recorded by their facilitator or given on their own page
// (letters, or "check your referral" for a self-referrer), and the agreement as each of
// them reads it, with each item's progress. Never staff notes: an item's completion note
// stays in the staff record.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { agreementConsents, agreementItems, cases, exchangeMembers, participants } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { coversItems, doerWords, PROGRESS_WORDS, type AgreedHow } from './agreement';
import { recordAudit, type Actor } from '~/models/audit.server';
import { findCaseInScope, findCaseToChange } from '~/models/cases/case-scope.server';
import { refuseWhileLapsed } from '~/models/cases/essentials.server';

type Role = 'victim' | 'offender' | 'supporter';

function itemsOf(tx: Tx, caseId: number) {
  return tx
    .select({
      id: agreementItems.id,
      kind: agreementItems.kind,
      description: agreementItems.description,
      dueOn: agreementItems.dueOn,
      evidence: agreementItems.evidence,
      status: agreementItems.status,
      completedOn: agreementItems.completedOn,
      doerId: participants.id,
      doerName: participants.name,
      doerRole: participants.role,
    })
    .from(agreementItems)
    .innerJoin(participants, eq(participants.id, agreementItems.participantId))
    .where(eq(agreementItems.caseId, caseId))
    .orderBy(asc(agreementItems.dueOn), asc(agreementItems.id))
    .all();
}

/** Each person's latest agreement in the case, and whether it covers the items as they are now. */
function agreementsOf(tx: Tx, caseId: number, itemIds: number[]) {
  const rows = tx.select().from(agreementConsents).where(eq(agreementConsents.caseId, caseId)).orderBy(desc(agreementConsents.id)).all();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.participantId)) latest.set(r.participantId, r);
  return new Map([...latest].map(([pid, r]) => [pid, { agreedOn: r.agreedOn, how: r.how, current: coversItems(r.itemIds, itemIds) }]));
}

/** The agreement for staff: the items, and who has agreed to them as they are. */
export function getAgreement(staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const items = itemsOf(db, caseId);
  const agreed = agreementsOf(
    db,
    caseId,
    items.map((i) => i.id),
  );
  const people = db
    .select({ id: participants.id, name: participants.name, role: participants.role })
    .from(participants)
    .where(eq(participants.caseId, caseId))
    .orderBy(asc(participants.id))
    .all();
  return {
    kase,
    items: items.map((i) => ({ ...i, who: doerWords(null, { id: i.doerId, role: i.doerRole }) })),
    people: people.map((p) => ({ ...p, agreement: agreed.get(p.id) ?? null })),
  };
}

export type AgreementRefusal = 'no-items' | 'bad-person' | 'already' | 'lapsed' | 'closed';

function recordIn(tx: Tx, actor: Actor, caseId: number, participantId: number, agreedOn: string, how: AgreedHow, recordedBy: number | null) {
  const itemIds = tx.select({ id: agreementItems.id }).from(agreementItems).where(eq(agreementItems.caseId, caseId)).all();
  if (!itemIds.length) return 'no-items' as const;
  const ids = itemIds.map((i) => i.id);
  const current = agreementsOf(tx, caseId, ids).get(participantId);
  if (current?.current) return 'already' as const;
  // Agreeing to the outcome moves the case forward: not while the essentials are missing (decision 019).
  if (refuseWhileLapsed(tx, actor, caseId, 'record-agreement')) return 'lapsed' as const;
  tx.insert(agreementConsents).values({ caseId, participantId, agreedOn, how, itemIds: ids, recordedBy }).run();
  recordAudit(tx, actor, 'agreement.agreed', { type: 'participant', id: participantId });
  return 'recorded' as const;
}

/** A facilitator records a person's agreement given in person, by phone or by letter. */
export function recordAgreement(
  staff: StaffUser,
  caseId: number,
  participantId: number,
  a: { agreedOn: string; how: Exclude<AgreedHow, 'online'> },
): 'recorded' | AgreementRefusal | null {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return null;
    const p = tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
      .get();
    if (!p) return 'bad-person';
    return recordIn(tx, { type: 'staff', id: staff.id }, caseId, participantId, a.agreedOn, a.how, staff.id);
  });
}

/** The participant a letters sign-in stands for. */
export function participantOfMember(memberId: number) {
  return (
    db
      .select({ id: participants.id, role: participants.role, caseId: participants.caseId })
      .from(exchangeMembers)
      .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
      .where(eq(exchangeMembers.id, memberId))
      .get() ?? null
  );
}

/** The participant a self-referrer is in their case, if the referral became a case. */
export function participantOfReferral(referralId: number) {
  return (
    db
      .select({ id: participants.id, role: participants.role, caseId: participants.caseId })
      .from(participants)
      .where(eq(participants.referralId, referralId))
      .get() ??
    db
      .select({ id: participants.id, role: participants.role, caseId: participants.caseId })
      .from(exchangeMembers)
      .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
      .where(eq(exchangeMembers.referralId, referralId))
      .get() ??
    null
  );
}

export type OwnParticipant = { id: number; role: Role; caseId: number };

/** The agreement as this person reads it: who does what in their words, each item's progress, and whether they have agreed. */
export function getOwnAgreement(me: OwnParticipant) {
  const kase = db.select({ stage: cases.stage }).from(cases).where(eq(cases.id, me.caseId)).get();
  const items = itemsOf(db, me.caseId);
  if (!kase || !items.length) return null;
  const mine = agreementsOf(
    db,
    me.caseId,
    items.map((i) => i.id),
  ).get(me.id);
  return {
    open: kase.stage !== 'closed',
    agreed: mine?.current ? mine.agreedOn : null,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      description: i.description,
      dueOn: i.dueOn,
      evidence: i.evidence,
      status: i.status,
      who: doerWords(me, { id: i.doerId, role: i.doerRole }),
    })),
  };
}

/** The person agrees on their own page. */
export function agreeOnOwnPage(me: OwnParticipant, actor: Actor, today: string): 'recorded' | AgreementRefusal {
  return db.transaction((tx) => {
    const kase = tx.select({ stage: cases.stage }).from(cases).where(eq(cases.id, me.caseId)).get();
    if (!kase || kase.stage === 'closed') return 'closed';
    return recordIn(tx, actor, me.caseId, me.id, today, 'online', null);
  });
}

const OWN_REFUSALS: Partial<Record<AgreementRefusal, string>> = {
  lapsed: 'We cannot record this yet: your facilitator needs to talk to you first. Send them a message.',
  closed: 'Your case is closed, so this can no longer be recorded here.',
};

/** What a participant's own agreement page shows, or null if there is no agreement yet. */
export function ownAgreementView(me: OwnParticipant | null, flags: { justAgreed: boolean; refused?: AgreementRefusal | null }) {
  const own = me ? getOwnAgreement(me) : null;
  if (!own) return null;
  return {
    items: own.items.map((i) => ({ ...i, progress: PROGRESS_WORDS[i.status] })),
    agreed: own.agreed,
    open: own.open,
    justAgreed: flags.justAgreed && !!own.agreed,
    refused: flags.refused ? (OWN_REFUSALS[flags.refused] ?? null) : null,
  };
}

/** How far the agreement has got, for the link from a participant's home page, or null if there is none. */
export function agreementSummary(me: OwnParticipant | null) {
  const own = me ? getOwnAgreement(me) : null;
  return own ? { done: own.items.filter((i) => i.status === 'done').length, of: own.items.length, agreed: !!own.agreed } : null;
}
