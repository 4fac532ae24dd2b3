// The case extract for a period: one row per case, codes, dates and references only (no
// names, contact details or free text), streamed a batch at a time.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { parsePeriod } from '~/models/reports/reports';
import { caseExtractBatch, recordExport, type CaseExtractRow } from '~/models/reports/report-files.server';
import { csvResponse } from '~/utils/csv.server';
import { requireStaff } from '~/utils/staff-session.server';

const COLUMNS: { key: keyof CaseExtractRow; header: string }[] = [
  { key: 'reference', header: 'Reference' },
  { key: 'referralReceived', header: 'Referral received' },
  { key: 'source', header: 'Source' },
  { key: 'agency', header: 'Agency' },
  { key: 'initiatedBy', header: 'Asked for by' },
  { key: 'offenceKind', header: 'Offence kind' },
  { key: 'justiceStage', header: 'Justice stage' },
  { key: 'antiSocialBehaviour', header: 'Anti-social behaviour' },
  { key: 'ageGroup', header: 'Age of person responsible' },
  { key: 'area', header: 'Area' },
  { key: 'postcodeDistrict', header: 'Postcode district' },
  { key: 'heardAbout', header: 'How they heard' },
  { key: 'caseOpened', header: 'Case opened' },
  { key: 'firstContact', header: 'First contact' },
  { key: 'processKinds', header: 'Process kinds' },
  { key: 'stage', header: 'Stage' },
  { key: 'closureReason', header: 'Closure reason' },
  { key: 'closedOn', header: 'Closed on' },
  { key: 'victimsTookPart', header: 'Victims who took part' },
  { key: 'offendersTookPart', header: 'People responsible who took part' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const url = new URL(request.url);
  const { period } = parsePeriod(url.searchParams);
  // A bad period: the reports page says what is wrong, as a GOV.UK error.
  if (!period) throw redirect(`/staff/reports${url.search}`);
  recordExport(session.user, 'cases', period);
  let after: { at: number; id: number } | null = null;
  let done = false;
  return csvResponse(`rj-cases-${period.from}-to-${period.to}.csv`, COLUMNS, () => {
    if (done) return null;
    const batch = caseExtractBatch(period, after);
    after = batch.next;
    done = !batch.next;
    return batch.rows;
  });
}
