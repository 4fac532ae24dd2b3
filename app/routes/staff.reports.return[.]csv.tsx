// The commissioner's return for a period: every count of the dashboard, small numbers
// hidden as there, each row with what it counts and which date places it in the period.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { DEFINITIONS, parsePeriod } from '~/models/reports';
import { buildReport, recordExport, returnRows } from '~/models/reports.server';
import { csvOf } from '~/utils/csv.server';
import { requireStaff } from '~/utils/staff-session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const { period, error } = parsePeriod(new URL(request.url).searchParams);
  if (!period) throw data(error, { status: 400 });
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
