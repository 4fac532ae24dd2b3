// The outcome agreement as the people who agreed it see it: who does each item in words
// for the reader, and whether a person's agreement covers the items as they now are.
import type { ItemStatus } from './outcomes';

type Role = 'victim' | 'offender' | 'supporter';

export const AGREED_HOW = [
  ['in_person', 'In person'],
  ['phone', 'By phone'],
  ['letter', 'By letter'],
  ['online', 'On their own page'],
] as const;
export type AgreedHow = (typeof AGREED_HOW)[number][0];

/** Who does an item, in the words of the person reading (victim screens say "the person who harmed you"). */
export function doerWords(reader: { id: number; role: Role } | null, doer: { id: number; role: Role }): string {
  if (reader?.id === doer.id) return 'You';
  if (doer.role === 'supporter') return 'A supporter';
  if (doer.role === 'offender') {
    if (!reader) return 'The person responsible';
    return reader.role === 'victim' ? 'The person who harmed you' : reader.role === 'offender' ? 'Another person responsible' : 'The person responsible';
  }
  if (!reader) return 'The victim';
  return reader.role === 'offender' ? 'The person you harmed' : reader.role === 'victim' ? 'Another person harmed' : 'The person harmed';
}

/** An item's progress in plain words for the people who agreed it. */
export const PROGRESS_WORDS: Record<ItemStatus, string> = {
  open: 'Not done yet',
  done: 'Done',
  partly: 'Partly done',
  not_done: 'Not done',
};

/** Whether an agreement covered exactly the items there are now (an item added since is not covered). */
export function coversItems(agreedIds: readonly number[], itemIds: readonly number[]): boolean {
  if (!itemIds.length || agreedIds.length !== itemIds.length) return false;
  const agreed = new Set(agreedIds);
  return itemIds.every((id) => agreed.has(id));
}
