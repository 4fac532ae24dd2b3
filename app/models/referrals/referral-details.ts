// A referral's answers as rows for staff screens, in the words the form used.
import type { referrals } from '#db/schema';
import { AGENCIES, INITIATED_BY, KNOWN_RISKS, OFFENDER_AGE_GROUPS } from './partner-questions';
import * as lists from '~/data/referral-options';

type Referral = typeof referrals.$inferSelect;
type Row = { key: string; value: string };
const many = (o: readonly (readonly [string, string])[], v: string[] | null) => (v ?? []).map((x) => lists.labelFor(o, x)).join(', ');

/** What triage must know before accepting: who asked for it, and whether it may be the youth offending team's. */
export function referralCautions(r: Pick<Referral, 'initiatedBy' | 'offenderAgeGroup'>): string[] {
  const out: string[] = [];
  if (r.initiatedBy === 'offender')
    out.push(
      'The person responsible asked for this. Approach the victim first, with care, and say nothing of the request until they agree to be contacted about it. The case records their answer before any other step.',
    );
  if (r.offenderAgeGroup === 'youth') out.push('The person responsible was under 18. Check with the youth offending team whether this is theirs to deliver.');
  return out;
}

/** `areas`: the area codes and names (report_categories), for where the person lives. */
export function referralRows(r: Referral, areas: readonly (readonly [string, string])[] = []): Row[] {
  const common: (Row | false)[] = [
    { key: 'Offence', value: [lists.labelFor(lists.OFFENCE_KINDS, r.offenceKind), r.offenceOther].filter(Boolean).join(': ') },
    { key: 'Stage of the justice system', value: lists.labelFor(lists.JUSTICE_STAGES, r.justiceStage) },
    { key: 'Anti-social behaviour', value: r.antiSocialBehaviour ? 'Yes (funded separately from crime)' : 'No' },
    !!r.crimeReference && { key: 'Police reference', value: r.crimeReference },
    {
      key: 'Support needs',
      value: [many(lists.SUPPORT_NEEDS, r.supportNeeds), r.interpreterLanguage, r.accessNeeds, r.supporterDetails].filter(Boolean).join('\n'),
    },
  ];
  const rows: (Row | false)[] =
    r.source === 'partner'
      ? [
          {
            key: 'Referred by',
            value: [r.referrerName, lists.labelFor(AGENCIES, r.agency), r.agencyOther, r.referrerEmail, r.referrerPhone].filter(Boolean).join('\n'),
          },
          { key: 'Asked for by', value: lists.labelFor(INITIATED_BY, r.initiatedBy) },
          { key: 'Person agreed to referral', value: r.consentConfirmed ? 'Yes' : 'No' },
          { key: 'Victim or victims', value: r.victimDetails ?? '' },
          { key: 'Person responsible', value: r.offenderDetails ?? '' },
          { key: 'Their age', value: lists.labelFor(OFFENDER_AGE_GROUPS, r.offenderAgeGroup) || 'Not asked' },
          !!r.offenceDate && { key: 'Date of offence', value: r.offenceDate },
          ...common,
          { key: 'Known risks', value: [many(KNOWN_RISKS, r.risks), r.riskNotes].filter(Boolean).join('\n') },
        ]
      : [
          { key: 'Who is asking', value: lists.labelFor(lists.PERSON_ROLE, r.personRole) },
          { key: 'When', value: lists.labelFor(lists.WHEN_HAPPENED, r.whenHappened) },
          !!r.area && { key: 'Area', value: r.area },
          { key: 'Reported to police', value: lists.labelFor(lists.REPORTED, r.reportedToPolice) },
          { key: 'Knows who harmed them', value: [lists.labelFor(lists.KNOWS_WHO, r.knowsWhoHarmed), r.harmerName].filter(Boolean).join(': ') },
          { key: 'Contact they might want', value: many(lists.CONTACT_KINDS, r.contactKinds) },
          !!r.whatToSay && { key: 'What they would ask or say', value: r.whatToSay },
          {
            key: 'How to contact them',
            value: [
              lists.labelFor(lists.CONTACT_METHODS, r.contactMethod),
              r.contactName && `Name to use: ${r.contactName}`,
              r.email,
              r.phone,
              r.phoneSafeTimes && `Safe times: ${r.phoneSafeTimes}`,
              r.phoneMessageOk && `Leave a message: ${lists.labelFor(lists.YES_NO, r.phoneMessageOk)}`,
              r.postalAddress,
            ]
              .filter(Boolean)
              .join('\n'),
          },
          ...common,
        ];
  rows.push({
    key: 'Where they live',
    value: [lists.labelFor(areas, r.areaCode) || (r.areaCode ?? 'Not given'), r.postcodeDistrict && `Postcode district ${r.postcodeDistrict}`]
      .filter(Boolean)
      .join(', '),
  });
  rows.push({ key: 'How they heard about the service', value: lists.labelFor(lists.HEARD_ABOUT, r.heardAbout) || 'Not given' });
  return rows.filter((x): x is Row => !!x);
}

export type ProposedPerson = { role: 'victim' | 'offender'; name: string; contactDetails: string; text: string };

/**
 * The people a partner named in the referral, for the facilitator to confirm as the case's
 * participants instead of typing them again: one per side, until someone holds that role.
 * The name is a guess (the text up to the first comma or line break); the facilitator
 * corrects it before confirming.
 */
export function proposedPeople(r: Pick<Referral, 'source' | 'victimDetails' | 'offenderDetails'>, people: readonly { role: string }[]): ProposedPerson[] {
  if (r.source !== 'partner') return [];
  const sides = [
    ['victim', r.victimDetails],
    ['offender', r.offenderDetails],
  ] as const;
  return sides.flatMap(([role, text]) => {
    const t = (text ?? '').trim();
    if (!t || people.some((p) => p.role === role)) return [];
    const cut = t.search(/[,;\n]/);
    const name = (cut === -1 ? t : t.slice(0, cut)).trim().slice(0, 100);
    const rest = cut === -1 ? '' : t.slice(cut + 1).trim();
    return [{ role, name, contactDetails: rest.slice(0, 500), text: t }];
  });
}
