// What a person needs to take part, and which cases need a practitioner trained for complex
// and sensitive cases: as data and pure rules. The meeting checklist and the letter review
// ask about each need recorded; assignment asks about the training.

export const NEED_KINDS = [
  ['interpreter', 'An interpreter'],
  ['accessibility', 'Accessibility needs'],
  ['literacy', 'Help with reading or writing'],
  ['learning_disability', 'A learning disability'],
  ['mental_health', 'Mental health needs'],
  ['capacity', 'Concerns about their capacity to decide'],
] as const;
export type NeedKind = (typeof NEED_KINDS)[number][0];
export type Need = { participantId: number; kind: NeedKind; detail: string | null };

/** "An interpreter (Urdu)", "Help with reading or writing: read letters aloud". */
export function needWords(n: { kind: NeedKind; detail: string | null }): string {
  const label = NEED_KINDS.find(([k]) => k === n.kind)?.[1] ?? n.kind;
  if (!n.detail) return label;
  return n.kind === 'interpreter' ? `${label} (${n.detail})` : `${label}: ${n.detail}`;
}

/** The preparation checklist's entry for one attendee's need. */
export const needCheck = (n: { participantId: number; kind: NeedKind }) => `need:${n.participantId}:${n.kind}`;
export const NEED_CHECK = /^need:\d{1,12}:[a-z_]{1,30}$/;

/** Domestic abuse, sexual offences and hate crime: the offence kinds and specialist risk flags that make a case complex and sensitive. */
export const SENSITIVE_OFFENCES: readonly string[] = ['domestic', 'sexual', 'hate'];
export const SENSITIVE_FLAGS: readonly string[] = ['domestic_abuse', 'sexual', 'hate'];

export function isSensitive(offenceKind: string | null, flags: readonly (readonly string[] | null)[] = []): boolean {
  return (!!offenceKind && SENSITIVE_OFFENCES.includes(offenceKind)) || flags.some((f) => f?.some((x) => SENSITIVE_FLAGS.includes(x)));
}

export const SENSITIVE_WORDS =
  'This is a domestic abuse, sexual offence or hate crime case. The practitioner has no recorded training for complex and sensitive cases.';
