// The commissioner's return for a period: every count of the dashboard, small numbers
// hidden as there, each row with what it counts and which date places it in the period.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { DEFINITIONS, parsePeriod } from '~/models/reports/reports';
import { buildReport } from '~/models/reports/reports.server';
import { recordExport, returnRows } from '~/models/reports/report-files.server';
import { csvOf } from '~/utils/csv.server';
import { requireStaff } from '~/utils/staff-session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const url = new URL(request.url);
  const { period } = parsePeriod(url.searchParams);
  // A bad period: the reports page says what is wrong, as a GOV.UK error.
  if (!period) throw redirect(`/staff/reports${url.search}`);
  const report = buildReport(session.user, period);
  recordExport(session.user, 'return', period);
  const rows: Record<string, string>[] = returnRows(report).map((r) => ({
    section: DEFINITIONS[r.section].section,
    measure: r.measure,
    value: r.value,
    counts: DEFINITIONS[r.section].counts,
    placedBy: DEFINITIONS[r.section].placedBy,
  }));
  return csvOf(
    `rj-return-${period.from}-to-${period.to}.csv`,
    [
      { key: 'section', header: 'Section' },
      { key: 'measure', header: 'Measure' },
      { key: 'value', header: 'Value' },
      { key: 'counts', header: 'What it counts' },
      { key: 'placedBy', header: 'In the period by' },
    ],
    rows,
  );
}
