// The letter safety flags as the pages show them: kinds, their headings, and splitting a
// letter into highlighted runs. Finding them is in safety-flags.server.ts (it uses
// libraries that have no place in the browser).

export const FLAG_KINDS = [
  'phone',
  'email',
  'link',
  'social',
  'address',
  'postcode',
  'custody',
  'place',
  'routine',
  'name',
  'date',
  'threat',
  'hidden',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
/** A span of the letter and why it was flagged, in words for the facilitator. */
export type Flag = { kind: FlagKind; start: number; end: number; text: string; why: string };

export const FLAG_LABELS: Record<FlagKind, string> = {
  phone: 'Phone number',
  email: 'Email address',
  link: 'Web address',
  social: 'Social media',
  address: 'Home address',
  postcode: 'Postcode',
  custody: 'Where someone is held in prison',
  place: 'Place where someone can be found',
  routine: 'Routine',
  name: 'Someone else’s name',
  date: 'Birthday',
  threat: 'Threat or pressure',
  hidden: 'Hidden characters',
};

/** Which goal of the bench a kind counts towards. */
export const FLAG_FAMILY: Record<FlagKind, 'contact' | 'where' | 'threat' | 'other'> = {
  phone: 'contact',
  email: 'contact',
  link: 'contact',
  social: 'contact',
  address: 'where',
  postcode: 'where',
  custody: 'where',
  place: 'where',
  routine: 'where',
  name: 'other',
  date: 'other',
  threat: 'threat',
  hidden: 'other',
};

export type Segment = { text: string; flags: FlagKind[] };

/** Splits text into runs, each with the kinds of flag that cover it, for highlighting. */
export function segmentByFlags(text: string, flags: Pick<Flag, 'kind' | 'start' | 'end'>[]): Segment[] {
  const cuts = [...new Set([0, text.length, ...flags.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    if (a === b) continue;
    const kinds = [...new Set(flags.filter((f) => f.start <= a && f.end >= b).map((f) => f.kind))];
    out.push({ text: text.slice(a, b), flags: kinds });
  }
  return out;
}
