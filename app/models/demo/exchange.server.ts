// The demo's letter exchange: a case in progress, one letter passed on, a reply waiting for review.
import { eq } from 'drizzle-orm';
import { assessments, cases, exchangeMembers, exchanges, letterReviews, letters, letterVersions, participants, referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import { hashSecret } from '~/utils/passphrase.server';
import { recordAudit } from '~/models/audit.server';

export const DEMO_LETTER_MEMBERS = [
  { role: 'victim' as const, name: 'Robin (demo)', reference: 'RJL-DEMV-7K4M', passphrase: 'demo victim passphrase' },
  { role: 'offender' as const, name: 'Casey (demo)', reference: 'RJL-DEMQ-2XPA', passphrase: 'demo offender passphrase' },
];

/** A case in progress with a letter exchange: one letter passed on, a reply waiting for review. */
export async function seedExchange(facilitatorId: number) {
  if (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, 'RJ-DEMX-3HKW')).get()) return;
  const hashes = await Promise.all(DEMO_LETTER_MEMBERS.map((m) => hashSecret(m.passphrase)));
  db.transaction((tx) => {
    const r = tx
      .insert(referrals)
      .values({
        reference: 'RJ-DEMX-3HKW',
        source: 'partner',
        status: 'in_progress',
        agency: 'hmpps',
        referrerName: 'Harper Prison',
        referrerEmail: 'harper@prison.demo.invalid',
        referrerPhone: '0121 496 0002',
        initiatedBy: 'victim',
        consentConfirmed: true,
        victimDetails: 'Robin (demo).',
        offenderDetails: 'Casey (demo), in prison.',
        offenceKind: 'burglary',
        justiceStage: 'prison',
        risks: ['none'],
        supportNeeds: ['none'],
      })
      .returning({ id: referrals.id })
      .get();
    const kase = tx.insert(cases).values({ referralId: r.id, facilitatorId, stage: 'in_progress' }).returning({ id: cases.id }).get();
    const ex = tx.insert(exchanges).values({ caseId: kase.id }).returning({ id: exchanges.id }).get();
    const memberIds = DEMO_LETTER_MEMBERS.map((m, i) => {
      const p = tx.insert(participants).values({ caseId: kase.id, role: m.role, name: m.name }).returning({ id: participants.id }).get();
      tx.insert(assessments)
        .values({
          participantId: p.id,
          infoGivenOn: '2026-10-01',
          infoGivenHow: 'in_person',
          consentOn: '2026-10-02',
          consentHow: 'in_person',
          consentRecordedBy: facilitatorId,
          willing: 'yes',
          motive: 'Wants to put things right (demo)',
          expectations: 'Answers and an apology (demo)',
          acceptsResponsibility: m.role === 'offender' ? 'yes' : null,
          riskAssessedOn: '2026-10-03',
          revictimisationRisk: 'low',
          riskDecision: 'indirect_only',
          riskReason: 'Letters first (demo)',
        })
        .run();
      return tx
        .insert(exchangeMembers)
        .values({ exchangeId: ex.id, participantId: p.id, reference: m.reference, passphraseHash: hashes[i]! })
        .returning({ id: exchangeMembers.id })
        .get().id;
    });
    const [victimId, offenderId] = memberIds as [number, number];
    const now = Date.now();
    const first = tx
      .insert(letters)
      .values({
        exchangeId: ex.id,
        authorMemberId: victimId,
        recipientMemberId: offenderId,
        status: 'passed_on',
        relayedText: 'I want you to know how it felt to come home that night. I still check the locks every evening. Why our house?',
        passedOnAt: new Date(now - 3 * 86_400_000),
        submittedAt: new Date(now - 4 * 86_400_000),
      })
      .returning({ id: letters.id })
      .get();
    const v1 = tx
      .insert(letterVersions)
      .values({
        letterId: first.id,
        version: 1,
        body: 'I want you to know how it felt to come home that night. I still check the locks every evening. Why our house?',
      })
      .returning({ id: letterVersions.id })
      .get();
    tx.insert(letterReviews).values({ letterId: first.id, versionId: v1.id, decision: 'approved', byStaffId: facilitatorId }).run();
    const reply = tx
      .insert(letters)
      .values({
        exchangeId: ex.id,
        authorMemberId: offenderId,
        recipientMemberId: victimId,
        status: 'waiting',
        onPaper: true,
        submittedAt: new Date(now - 86_400_000),
      })
      .returning({ id: letters.id })
      .get();
    tx.insert(letterVersions)
      .values({
        letterId: reply.id,
        version: 1,
        body:
          'I am sorry. I chose your house because the gate was open. My cousin Kevin said it would be easy. ' +
          'You can write to me at HMP Example, I am on B wing, or add me on snap as owen_77. ' +
          'My mum says your lad still goes to Oakfield juniors. I hope he is alright.',
        recordedByStaffId: facilitatorId,
      })
      .run();
    recordAudit(tx, { type: 'system' }, 'exchange.demo_seeded', { type: 'exchange', id: ex.id });
  });
}
