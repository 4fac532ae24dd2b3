// A referral's answers as rows for staff screens, in the words the form used.
import type { referrals } from '#db/schema';
import { AGENCIES, INITIATED_BY, KNOWN_RISKS } from './partner-questions';
import * as lists from '~/data/referral-options';

type Referral = typeof referrals.$inferSelect;
type Row = { key: string; value: string };
const many = (o: readonly (readonly [string, string])[], v: string[] | null) => (v ?? []).map((x) => lists.labelFor(o, x)).join(', ');

export function referralRows(r: Referral): Row[] {
  const common: (Row | false)[] = [
    { key: 'Offence', value: [lists.labelFor(lists.OFFENCE_KINDS, r.offenceKind), r.offenceOther].filter(Boolean).join(': ') },
    { key: 'Stage of the justice system', value: lists.labelFor(lists.JUSTICE_STAGES, r.justiceStage) },
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
  return rows.filter((x): x is Row => !!x);
}
