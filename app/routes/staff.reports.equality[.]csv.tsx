// The equality table for a period: each question's answers, small numbers hidden, each row
// with what it counts. A file of its own: the answers are kept apart from the cases.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { equalityResults } from '~/models/feedback/equality.server';
import { DEFINITIONS, parsePeriod } from '~/models/reports/reports';
import { recordExport } from '~/models/reports/report-files.server';
import { csvOf } from '~/utils/csv.server';
import { requireStaff } from '~/utils/staff-session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const url = new URL(request.url);
  const { period } = parsePeriod(url.searchParams);
  // A bad period: the reports page says what is wrong, as a GOV.UK error.
  if (!period) throw redirect(`/staff/reports${url.search}`);
  const r = equalityResults(period);
  recordExport(session.user, 'equality', period);
  const text = (c: { shown: number | null; hidden?: 'small' | 'withheld' }) =>
    c.shown === null ? (c.hidden === 'withheld' ? 'withheld' : `fewer than ${r.threshold}`) : String(c.shown);
  const d = DEFINITIONS.equality;
  const rows: Record<string, string>[] = r.questions.flatMap((q) => [
    ...q.cells.map((c) => ({ question: q.title, answer: c.label, value: text(c), counts: d.counts, placedBy: d.placedBy })),
    { question: q.title, answer: 'Total', value: text(q.total), counts: d.counts, placedBy: d.placedBy },
  ]);
  return csvOf(
    `rj-equality-${period.from}-to-${period.to}.csv`,
    [
      { key: 'question', header: 'Question' },
      { key: 'answer', header: 'Answer' },
      { key: 'value', header: 'People' },
      { key: 'counts', header: 'What it counts' },
      { key: 'placedBy', header: 'In the period by' },
    ],
    rows,
  );
}
