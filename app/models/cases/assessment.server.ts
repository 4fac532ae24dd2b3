// A participant's assessment, section by section: information, consent (and its
// withdrawal), willingness, responsibility, risk and a manager's sign-off of specialist
// flags. Every save keeps a version, writes its audit row and asks keepCaseSafe (decision 019).
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { assessments, assessmentVersions, participantChanges, cases, participants } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { findCaseToChange } from './case-scope.server';
import { requireVictimFirst } from './victim-first.server';
import { keepCaseSafe } from './essentials.server';
import type { Tx } from '#db/client.server';

export function participantInScope(tx: Tx, staff: StaffUser, caseId: number, participantId: number) {
  if (!findCaseToChange(tx, staff, caseId)) return undefined;
  return tx
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
    .get();
}

export type AssessmentPatch = Partial<
  Omit<typeof assessments.$inferInsert, 'participantId' | 'updatedAt' | 'signedOffBy' | 'signedOffAt' | 'consentRecordedBy'>
>;

/**
 * Saves one section of a participant's assessment. Changing the risk assessment clears a
 * manager's earlier sign-off, so a sign-off always covers the flags as they are now.
 */
export type AssessmentSection = 'info' | 'consent' | 'willing' | 'responsibility' | 'risk';

export function saveAssessment(
  staff: StaffUser,
  caseId: number,
  participantId: number,
  section: AssessmentSection,
  patch: AssessmentPatch,
): boolean | 'consent-before-withdrawal' {
  return db.transaction((tx) => {
    if (!participantInScope(tx, staff, caseId, participantId)) return false;
    requireVictimFirst(tx, caseId, 'assess', null);
    const before = tx.select().from(assessments).where(eq(assessments.participantId, participantId)).get();
    // Consent given again is dated on or after its withdrawal: never back into the time it stood withdrawn.
    if (section === 'consent' && before?.consentWithdrawnOn && patch.consentOn && patch.consentOn < before.consentWithdrawnOn)
      return 'consent-before-withdrawal';
    const extra =
      section === 'risk' ? { signedOffBy: null, signedOffAt: null } : section === 'consent' ? { consentRecordedBy: staff.id, consentWithdrawnOn: null } : {};
    const values = { ...patch, ...extra, updatedAt: new Date() };
    tx.insert(assessments)
      .values({ participantId, ...values })
      .onConflictDoUpdate({ target: assessments.participantId, set: values })
      .run();
    tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, caseId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, `assessment.${section}_recorded`, { type: 'participant', id: participantId });
    keepAssessmentVersion(tx, staff, participantId, section);
    // A safeguarding concern that is new (or newly worded) pauses letters even if the decision allows them.
    const concern = section === 'risk' && !!patch.safeguardingConcerns && patch.safeguardingConcerns !== (before?.safeguardingConcerns ?? null);
    keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id }, concern ? 'safeguarding' : undefined);
    return true;
  });
}

/** Keeps the assessment as it now is, as a new version: who changed which section, and when. */
function keepAssessmentVersion(tx: Tx, staff: StaffUser, participantId: number, section: string) {
  const now = tx.select().from(assessments).where(eq(assessments.participantId, participantId)).get();
  if (!now) return;
  const { participantId: _id, updatedAt: _at, ...values } = now;
  tx.insert(assessmentVersions).values({ participantId, section, values, byStaffId: staff.id }).run();
}

export function withdrawConsent(staff: StaffUser, caseId: number, participantId: number, on: string): boolean {
  return db.transaction((tx) => {
    if (!participantInScope(tx, staff, caseId, participantId)) return false;
    const changed = tx
      .update(assessments)
      .set({ consentWithdrawnOn: on, updatedAt: new Date() })
      .where(eq(assessments.participantId, participantId))
      .run().changes;
    if (changed) {
      recordAudit(tx, { type: 'staff', id: staff.id }, 'assessment.consent_withdrawn', { type: 'participant', id: participantId });
      keepAssessmentVersion(tx, staff, participantId, 'withdraw-consent');
      keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id });
    }
    return changed > 0;
  });
}

/**
 * A victim's answer when first approached about a case the person responsible asked for.
 * "No" after consent was given also withdraws that consent, so the gate and the letter
 * relay hold by themselves. A changed answer keeps the old one in `participant_changes`.
 */
export function recordContactConsent(
  staff: StaffUser,
  caseId: number,
  participantId: number,
  answer: 'yes' | 'no',
  on: string,
): 'recorded' | 'not-victim' | null {
  return db.transaction((tx) => {
    const p = participantInScope(tx, staff, caseId, participantId);
    if (!p) return null;
    if (p.role !== 'victim') return 'not-victim';
    const actor = { type: 'staff', id: staff.id } as const;
    if (p.contactConsent)
      tx.insert(participantChanges)
        .values({
          caseId,
          participantId,
          change: 'contact-consent',
          oldValues: { contactConsent: p.contactConsent, contactConsentOn: p.contactConsentOn },
          byStaffId: staff.id,
        })
        .run();
    tx.update(participants).set({ contactConsent: answer, contactConsentOn: on, contactConsentBy: staff.id }).where(eq(participants.id, participantId)).run();
    tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, caseId)).run();
    recordAudit(tx, actor, 'participant.contact_consent_recorded', { type: 'participant', id: participantId });
    if (answer === 'no') {
      const withdrawn = tx
        .update(assessments)
        .set({ consentWithdrawnOn: on, updatedAt: new Date() })
        .where(and(eq(assessments.participantId, participantId), isNotNull(assessments.consentOn), isNull(assessments.consentWithdrawnOn)))
        .run().changes;
      if (withdrawn) {
        recordAudit(tx, actor, 'assessment.consent_withdrawn', { type: 'participant', id: participantId });
        keepAssessmentVersion(tx, staff, participantId, 'withdraw-consent');
      }
    }
    keepCaseSafe(tx, caseId, actor);
    return 'recorded';
  });
}

/** A manager's sign-off of specialist risk flags. */
export function signOffRisk(manager: StaffUser, caseId: number, participantId: number): boolean {
  if (manager.role !== 'manager') return false;
  return db.transaction((tx) => {
    if (!participantInScope(tx, manager, caseId, participantId)) return false;
    requireVictimFirst(tx, caseId, 'assess', null);
    const changed = tx
      .update(assessments)
      .set({ signedOffBy: manager.id, signedOffAt: new Date() })
      .where(eq(assessments.participantId, participantId))
      .run().changes;
    if (changed) {
      recordAudit(tx, { type: 'staff', id: manager.id }, 'assessment.risk_signed_off', { type: 'participant', id: participantId });
      keepAssessmentVersion(tx, manager, participantId, 'sign-off');
      keepCaseSafe(tx, caseId, { type: 'staff', id: manager.id });
    }
    return changed > 0;
  });
}
