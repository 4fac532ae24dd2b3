// Managers: the equality monitoring figures for a period, each question a breakdown of its
// own, small numbers hidden; kept apart from the cases (decision 020), so a separate file.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BarChart } from '~/components/charts';
import { BackLink, PageColumn } from '~/components/page';
import { equalityResults } from '~/models/feedback/equality.server';
import { forDisplay, hiddenText, parsePeriod, periodLabel, showCount } from '~/models/reports/reports';
import { requireStaff } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Equality monitoring' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager');
  const url = new URL(request.url);
  const { period } = parsePeriod(url.searchParams);
  // A bad period: the reports page says what is wrong, as a GOV.UK error.
  if (!period) throw redirect(`/staff/reports${url.search}`);
  const results = equalityResults(period);
  return { period, threshold: results.threshold, questions: forDisplay(results.questions) };
}

export default function EqualityReport() {
  const d = useLoaderData<typeof loader>();
  const t = d.threshold;
  const query = `from=${d.period.from}&to=${d.period.to}`;
  return (
    <PageColumn>
      <BackLink to={`/staff/reports?${query}`} />
      <h1 className="govuk-heading-l">Equality monitoring</h1>
      <p className="govuk-body">
        {`${periodLabel(d.period)}, months that have ended. The questions are optional and kept apart from every case and person. Counts from 1 to ${t - 1} show as “${hiddenText(t, 'small')}”. `}
        <Link className="govuk-link" to="/staff/reports/definitions#equality">
          What these count
        </Link>
      </p>
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={`/staff/reports/equality.csv?${query}`} download>
          Download the equality table (CSV)
        </a>
      </p>
      {d.questions.map((q) => (
        <BarChart
          key={q.field}
          id={`equality-${q.field}`}
          title={q.title}
          description={`Answers given: ${showCount(q.total, t)}.`}
          bars={q.cells.map((c) => ({ label: c.label, value: c.shown, text: showCount(c, t) }))}
          valueHeading="People"
        />
      ))}
    </PageColumn>
  );
}
