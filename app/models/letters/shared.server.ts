// What the rooms of the letter exchange share: the participant's context, the staff
// scope of a letter, and the references and codes handed to participants.
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { cases, exchangeMembers, exchanges, letters, participants } from '#db/schema';
import type { StaffUser } from '~/utils/staff-session.server';
import type { Tx } from '#db/client.server';
import { db } from '~/utils/db.server';
import { REFERENCE_ALPHABET } from '~/utils/passphrase.server';
import { caseScope } from '~/models/cases/case-scope.server';

export const REMOVED = '[removed by the facilitator]';

const code = (n: number) => Array.from({ length: n }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');

/** A new participant reference (RJL-XXXX-XXXX), unused so far. */
export function newMemberReference(tx: Tx): string {
  let reference: string;
  do reference = `RJL-${code(4)}-${code(4)}`;
  while (tx.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get());
  return reference;
}

/** A one-time set-up code (XXXX-XXXX) to hand over. */
export const newSetUpCode = () => `${code(4)}-${code(4)}`;

export function memberContext(memberId: number) {
  return db
    .select({ m: exchangeMembers, ex: exchanges, p: participants })
    .from(exchangeMembers)
    .innerJoin(exchanges, eq(exchanges.id, exchangeMembers.exchangeId))
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(eq(exchangeMembers.id, memberId))
    .get();
}

export function letterInScope(tx: Tx, staff: StaffUser, letterId: number) {
  return tx
    .select({ l: letters, ex: exchanges, kase: cases })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .where(and(eq(letters.id, letterId), caseScope(staff)))
    .get();
}
