// The files managers download: the commissioner's return (a row for each count, with its
// definition), the case extract a batch at a time, and the audit row each leaves.
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { type DEFINITIONS, type suppressBreakdown, suppressOne, shareText, type Period } from './reports';
import { categoriesOf, categoryMapper } from './report-categories.server';
import { bounds, dayOf, isAsb } from './report-data.server';
import { type Report } from './reports.server';

/** One row for each count of the commissioner's return, in the dashboard's order. */
export function returnRows(report: Report) {
  const rows: { section: keyof typeof DEFINITIONS; measure: string; value: string }[] = [];
  const t = report.threshold;
  const text = (s: { shown: number | null; hidden?: 'small' | 'withheld' }) =>
    s.shown === null ? (s.hidden === 'withheld' ? 'withheld' : `fewer than ${t}`) : String(s.shown);
  const add = (section: (typeof rows)[number]['section'], title: string, b: ReturnType<typeof suppressBreakdown>) => {
    for (const c of b.cells) rows.push({ section, measure: `${title}: ${c.label}`, value: text(c) });
    rows.push({ section, measure: `${title}: total`, value: text(b.total) });
  };
  add('referrals', 'Referrals by month', report.referrals.byMonth);
  add('referrals', 'Referrals by source', report.referrals.bySource);
  add('referrals', 'Referrals by who asked for it', report.referrals.byInitiated);
  add('referrals', 'Referrals by offence', report.referrals.byOffence);
  add('referrals', 'Referrals by stage of the justice system', report.referrals.byJusticeStage);
  add('asb', 'Referrals, crime or anti-social behaviour', report.referrals.byAsb);
  add('age', 'Referrals by age of the person responsible', report.referrals.byAge);
  add('area', 'Referrals by where the person lives', report.referrals.byArea);
  add('heard', 'Referrals by how they heard about the service', report.referrals.byHeard);
  for (const f of report.funnel) rows.push({ section: 'funnel', measure: f.label, value: text(f) });
  add('left', 'Left before a completed process', report.left);
  add('processes', 'Processes started', report.processes.started);
  add('processes', 'Processes completed', report.processes.completed);
  add('processes', 'Processes completed, direct or indirect', report.processes.directness);
  add('asb', 'Processes completed, crime or anti-social behaviour', report.processes.completedAsb);
  add('age', 'Processes completed, by age of the person responsible', report.processes.completedAge);
  add('tookPart', 'People who took part', report.processes.tookPart);
  const tl = report.timeliness;
  rows.push({ section: 'timeliness', measure: 'Referrals with a first contact', value: text(tl.contacted) });
  rows.push({ section: 'timeliness', measure: 'Median days to first contact', value: tl.median === null ? `fewer than ${t} contacts` : String(tl.median) });
  rows.push({
    section: 'timeliness',
    measure: `Share contacted within ${tl.target} working days (%)`,
    value: tl.withinTarget.percent === null ? shareText(tl.withinTarget, t, 'contacts') : String(tl.withinTarget.percent),
  });
  rows.push({ section: 'outcomes', measure: 'Cases with an outcome agreement', value: text(report.outcomes.agreements) });
  rows.push({ section: 'outcomes', measure: 'Agreements with every item done', value: text(report.outcomes.allDone) });
  const fb = report.feedback;
  rows.push({ section: 'feedback', measure: 'Survey answers', value: text(fb.answers) });
  for (const [label, s] of [
    ['Satisfied or very satisfied (%)', fb.satisfied],
    ['Felt safe (%)', fb.feltSafe],
    ['Would recommend (%)', fb.recommend],
    ['Helped to cope and move on (%)', fb.helpedCope],
  ] as const) {
    rows.push({ section: 'feedback', measure: label, value: s.percent === null ? shareText(s, t) : String(s.percent) });
    rows.push({ section: 'feedback', measure: `${label.replace(' (%)', '')}: answers`, value: text(suppressOne(s.of, t)) });
  }
  const cp = report.complaints;
  if (cp) {
    rows.push({ section: 'complaints', measure: 'Complaints received', value: text(cp.received) });
    rows.push({ section: 'complaints', measure: 'Complaints answered', value: text(cp.answered) });
    rows.push({ section: 'complaints', measure: 'Complaints answered on time', value: text(cp.answeredOnTime) });
    rows.push({ section: 'complaints', measure: 'Complaints upheld or partly upheld', value: text(cp.upheld) });
  }
  return rows;
}

export type CaseExtractRow = {
  reference: string;
  referralReceived: string;
  source: string;
  agency: string;
  initiatedBy: string;
  offenceKind: string;
  justiceStage: string;
  antiSocialBehaviour: string;
  ageGroup: string;
  area: string;
  postcodeDistrict: string;
  heardAbout: string;
  caseOpened: string;
  firstContact: string;
  processKinds: string;
  stage: string;
  closureReason: string;
  closedOn: string;
  victimsTookPart: string;
  offendersTookPart: string;
};

/**
 * The case extract a batch at a time, in arrival order, so a three-year file never sits in
 * memory: `after` is where the batch before ended. Codes, dates and references only.
 */
export function caseExtractBatch(period: Period, after: { at: number; id: number } | null, size = 500) {
  const { fromMs, toMs } = bounds(period);
  const rows = db.$client
    .prepare(
      `select r.id, r.created_at as at, case when r.purged_at is null then r.reference else '' end as reference, r.source, r.agency, r.initiated_by as initiatedBy, r.offence_kind as offence, r.justice_stage as stage,
         r.anti_social_behaviour as asb, r.offender_age_group as age, r.area_code as area, r.postcode_district as postcodeDistrict, r.heard_about as heard,
         (select count(*) from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and p.role = 'victim' and a.consent_on is not null and a.consent_withdrawn_on is null
           and exists (select 1 from processes pr where pr.case_id = c.id and pr.status = 'completed')) as victimsTookPart,
         (select count(*) from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and p.role = 'offender' and a.consent_on is not null and a.consent_withdrawn_on is null
           and exists (select 1 from processes pr where pr.case_id = c.id and pr.status = 'completed')) as offendersTookPart,
         c.created_at as opened, c.stage as caseStage, c.closure_reason as closure,
         (select min(cl.contacted_on) from participants p join contact_logs cl on cl.participant_id = p.id where p.case_id = c.id) as firstContact,
         (select group_concat(distinct pr.kind) from processes pr where pr.case_id = c.id) as kinds,
         (select max(t.created_at) from case_transitions t where t.case_id = c.id and t.to_stage = 'closed') as closedAt
       from referrals r join cases c on c.referral_id = r.id
       where r.created_at >= @fromMs and r.created_at < @toMs and (r.created_at, r.id) > (@at, @id)
       order by r.created_at, r.id limit @size`,
    )
    .all({ fromMs, toMs, at: after?.at ?? -1, id: after?.id ?? -1, size }) as {
    id: number;
    at: number;
    reference: string;
    source: string;
    agency: string | null;
    initiatedBy: string | null;
    offence: string;
    stage: string;
    asb: number;
    age: string | null;
    area: string | null;
    postcodeDistrict: string | null;
    heard: string | null;
    victimsTookPart: number;
    offendersTookPart: number;
    opened: number;
    caseStage: string;
    closure: string | null;
    firstContact: string | null;
    kinds: string | null;
    closedAt: number | null;
  }[];
  const last = rows.at(-1);
  const stageOf = categoryMapper(categoriesOf('justice_stage', { withRetired: true }));
  return {
    next: last && rows.length === size ? { at: last.at, id: last.id } : null,
    rows: rows.map((r): CaseExtractRow => ({
      reference: r.reference,
      referralReceived: dayOf(r.at),
      source: r.source,
      agency: r.agency ?? '',
      initiatedBy: r.source === 'self' ? 'victim' : (r.initiatedBy ?? ''),
      offenceKind: r.offence,
      justiceStage: stageOf(r.stage),
      antiSocialBehaviour: isAsb(r) ? 'yes' : 'no',
      ageGroup: r.source === 'self' ? 'not_asked' : (r.age ?? 'not_known'),
      area: r.area ?? 'not_known',
      postcodeDistrict: r.postcodeDistrict ?? '',
      heardAbout: r.heard ?? '',
      caseOpened: dayOf(r.opened),
      firstContact: r.firstContact ?? '',
      processKinds: (r.kinds ?? '').split(',').filter(Boolean).sort().join(' '),
      stage: r.caseStage,
      closureReason: r.closure ?? '',
      closedOn: r.closedAt ? dayOf(r.closedAt) : '',
      victimsTookPart: String(r.victimsTookPart),
      offendersTookPart: String(r.offendersTookPart),
    })),
  };
}

/** Every export leaves an audit row: who, which file, which period. Managers only. */
const EXPORT_ACTIONS = { return: 'report.return_exported', cases: 'report.cases_exported', equality: 'report.equality_exported' } as const;

export function recordExport(manager: StaffUser, file: keyof typeof EXPORT_ACTIONS, period: Period) {
  db.transaction((tx) =>
    recordAudit(tx, { type: 'staff', id: manager.id }, EXPORT_ACTIONS[file], {
      type: 'report',
      id: `${period.from} to ${period.to}`,
    }),
  );
}
