// The dashboard: what the service reached, delivered and achieved in a period, as charts
// drawn on the server with the figures in tables beside them. Managers see the service;
// a facilitator sees their own caseload. Small numbers are hidden (models/reports.ts).
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { BarChart, type Bar } from '~/components/charts';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/form-fields';
import { Table } from '~/components/table';
import { forDisplay, hiddenText, parsePeriod, shareText, periodLabel, showCount, type Cell, type Shown } from '~/models/reports/reports';
import { buildReport } from '~/models/reports/reports.server';
import { practiceStatusOf, practiceStatusOfTeam } from '~/models/staff/practice.server';
import { Practitioners } from '~/components/practice';
import { OpenWork, Row } from '~/components/report-parts';
import type { RouteHandle } from '~/root';
import { requireStaff } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Reports' };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const parsed = parsePeriod(params);
  const isManager = session.user.role === 'manager';
  if (!parsed.period) {
    return data(
      { error: parsed.error, from: params.get('from')?.slice(0, 7) ?? '', to: params.get('to')?.slice(0, 7) ?? '', report: null, isManager, practice: [] },
      { status: 400 },
    );
  }
  const report = buildReport(session.user, parsed.period);
  // What is due in practitioners' records: the team for a manager, their own for a facilitator.
  const practice = isManager ? practiceStatusOfTeam() : [{ id: session.user.id, name: session.user.name, ...practiceStatusOf(session.user.id) }];
  // Only what the page shows leaves the server: a hidden count's true value stays here.
  return { error: null, from: parsed.period.from, to: parsed.period.to, report: forDisplay(report), isManager, practice };
}

const barsOf = (cells: Cell[], threshold: number): Bar[] => cells.map((c) => ({ label: c.label, value: c.shown, text: showCount(c, threshold) }));
/** Categories nobody fell in are left out of a chart (the table in the CSV keeps them). */
const nonZero = (cells: Cell[]) => cells.filter((c) => !c.empty);

export default function Reports() {
  const { error, from, to, report, isManager, practice } = useLoaderData<typeof loader>();
  const query = `from=${from}&to=${to}`;
  return (
    <>
      <ErrorSummary errors={error ? { from: [error] } : undefined} />
      <h1 className="govuk-heading-l">Reports</h1>
      <Form method="get" className="app-filters app-no-print">
        <TextInput name="from" label="First month" hint="For example, 2026-04" width="5" defaultValue={from} error={error ?? undefined} />
        <TextInput name="to" label="Last month" hint="For example, 2026-06" width="5" defaultValue={to} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show the figures
        </button>
      </Form>
      {report ? <Figures report={report} query={query} isManager={isManager} /> : null}
      {report ? <Practitioners people={practice} isManager={isManager} /> : null}
    </>
  );
}

type ReportData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['report']>;

function Figures({ report: r, query, isManager }: { report: ReportData; query: string; isManager: boolean }) {
  const t = r.threshold;
  const total = (s: Shown) => showCount(s, t);
  return (
    <>
      <h2 className="govuk-heading-m">{`${periodLabel(r.period)}${r.ownCaseload ? ': your caseload' : ''}`}</h2>
      <p className="govuk-body">
        {`Counts from 1 to ${t - 1} show as “${hiddenText(t, 'small')}”; where that alone would let a total give one away, another count shows as “withheld”. `}
        <Link className="govuk-link" to="/staff/reports/definitions">
          What each figure counts
        </Link>
      </p>
      {isManager ? (
        <ul className="govuk-list app-no-print">
          <li>
            <a className="govuk-link" href={`/staff/reports/return.csv?${query}`} download>
              Download the commissioner’s return (CSV)
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`/staff/reports/cases.csv?${query}`} download>
              Download the case extract (CSV, no names or free text)
            </a>
          </li>
          <li>
            <Link className="govuk-link" to={`/staff/reports/equality?${query}`}>
              Equality monitoring (kept apart from the cases)
            </Link>
          </li>
        </ul>
      ) : null}

      <h2 className="govuk-heading-m">Referrals</h2>
      <p className="govuk-body">{`${total(r.referrals.byMonth.total)} referrals in the period.`}</p>
      <BarChart
        id="by-month"
        title="Referrals by month"
        description={`Referrals received each month, ${periodLabel(r.period)}.`}
        bars={barsOf(r.referrals.byMonth.cells, t)}
        valueHeading="Referrals"
      />
      <BarChart
        id="by-source"
        title="Referrals by source"
        description="Who sent the referral."
        bars={barsOf(nonZero(r.referrals.bySource.cells), t)}
        valueHeading="Referrals"
      />
      <BarChart
        id="by-initiated"
        title="Who asked for restorative justice"
        description="Whether the victim or the person responsible asked for it."
        bars={barsOf(nonZero(r.referrals.byInitiated.cells), t)}
        valueHeading="Referrals"
      />
      <BarChart
        id="by-offence"
        title="Referrals by offence"
        description="The kind of offence."
        bars={barsOf(nonZero(r.referrals.byOffence.cells), t)}
        valueHeading="Referrals"
      />
      <BarChart
        id="by-stage"
        title="Referrals by stage of the justice system"
        description="Where the case was in the justice system when referred."
        bars={barsOf(nonZero(r.referrals.byJusticeStage.cells), t)}
        valueHeading="Referrals"
      />

      {(
        [
          ['by-asb', 'Crime or anti-social behaviour', 'Anti-social behaviour is funded apart from crime.', r.referrals.byAsb],
          ['by-age', 'Referrals by age of the person responsible', 'Youth (under 18) or adult, as the partner recorded it.', r.referrals.byAge],
          ['by-area', 'Referrals by where the person lives', 'The local authority area, from the service’s list.', r.referrals.byArea],
          ['by-heard', 'How people heard about the service', 'The optional question on both referral forms.', r.referrals.byHeard],
        ] as const
      ).map(([id, title, description, b]) => (
        <BarChart key={id} id={id} title={title} description={description} bars={barsOf(nonZero(b.cells), t)} valueHeading="Referrals" />
      ))}

      <h2 className="govuk-heading-m">From referral to completion</h2>
      <BarChart
        id="funnel"
        title="How far the period’s referrals have gone"
        description="Each bar counts the referrals that reached that step, from referred to a completed process."
        bars={r.funnel.map((f) => ({ label: f.label, value: f.shown, text: total(f) }))}
        valueHeading="Referrals"
      />
      <BarChart
        id="left"
        title="Why they left before a completed process"
        description="Referrals declined or withdrawn, and cases closed before a process was completed, by reason."
        bars={barsOf(nonZero(r.left.cells), t)}
        valueHeading="Referrals"
      />

      <h2 className="govuk-heading-m">Processes delivered</h2>
      <BarChart
        id="completed"
        title="Processes completed, by kind"
        description="Restorative processes recorded as completed in the period."
        bars={barsOf(r.processes.completed.cells, t)}
        valueHeading="Processes"
      />
      <Table caption="Processes started and completed" head={['Kind', 'Started', 'Completed']}>
        {r.processes.started.cells.map((c, i) => (
          <tr key={c.key} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {c.label}
            </th>
            <td className="govuk-table__cell">{total(c)}</td>
            <td className="govuk-table__cell">{total(r.processes.completed.cells[i]!)}</td>
          </tr>
        ))}
        {r.processes.directness.cells.map((c) => (
          <tr key={c.key} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {c.label}
            </th>
            <td className="govuk-table__cell"></td>
            <td className="govuk-table__cell">{total(c)}</td>
          </tr>
        ))}
      </Table>

      {(
        [
          [
            'completed-asb',
            'Processes completed, crime or anti-social behaviour',
            'The victims’ money must not fund anti-social behaviour work.',
            r.processes.completedAsb,
            'Processes',
          ],
          ['completed-age', 'Processes completed, by age of the person responsible', 'Youth (under 18) or adult.', r.processes.completedAge, 'Processes'],
          [
            'took-part',
            'People who took part',
            'People with informed consent in the cases with a process completed in the period.',
            r.processes.tookPart,
            'People',
          ],
        ] as const
      ).map(([id, title, description, b, heading]) => (
        <BarChart key={id} id={id} title={title} description={description} bars={barsOf(nonZero(b.cells), t)} valueHeading={heading} />
      ))}

      <h2 className="govuk-heading-m">Time to first contact</h2>
      <dl className="govuk-summary-list">
        <Row label="Referrals with a first contact" value={total(r.timeliness.contacted)} />
        <Row label="Median days to first contact" value={r.timeliness.median === null ? `fewer than ${t} contacts` : `${r.timeliness.median} days`} />
        <Row label={`Contacted within ${r.timeliness.target} working days`} value={shareText(r.timeliness.withinTarget, t, 'contacts')} />
      </dl>
      {r.timeliness.slowest.length ? (
        <Table caption="Waiting longest for a first contact" head={['Referral', 'Waiting']}>
          {r.timeliness.slowest.map((s) => (
            <tr key={s.referralId} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={s.caseId ? `/staff/cases/${s.caseId}` : `/staff/referrals/${s.referralId}`}>
                  {s.reference}
                </Link>
              </td>
              <td className="govuk-table__cell">{`${s.days} days`}</td>
            </tr>
          ))}
        </Table>
      ) : null}

      <h2 className="govuk-heading-m">Outcomes</h2>
      <dl className="govuk-summary-list">
        <Row label="Cases with an outcome agreement" value={total(r.outcomes.agreements)} />
        <Row label="Agreements with every item done" value={total(r.outcomes.allDone)} />
      </dl>
      <h3 className="govuk-heading-s">What participants said (anonymous survey, the whole service)</h3>
      <p className="govuk-body-s">Answers released in the period. They are released together at the start of a quarter, never one by one.</p>
      <dl className="govuk-summary-list">
        <Row label="Answers" value={total(r.feedback.answers)} />
        <Row label="Satisfied or very satisfied" value={shareText(r.feedback.satisfied, t)} />
        <Row label="Felt safe" value={shareText(r.feedback.feltSafe, t)} />
        <Row label="Would recommend it" value={shareText(r.feedback.recommend, t)} />
        <Row label="Helped them cope and move on" value={shareText(r.feedback.helpedCope, t)} />
      </dl>

      {r.complaints ? (
        <>
          <h2 className="govuk-heading-m">Complaints</h2>
          <dl className="govuk-summary-list">
            <Row label="Complaints received" value={total(r.complaints.received)} />
            <Row label="Complaints answered" value={total(r.complaints.answered)} />
            <Row label={`Answered on time (within ${r.complaints.answerDays} working days)`} value={total(r.complaints.answeredOnTime)} />
            <Row label="Upheld or partly upheld" value={total(r.complaints.upheld)} />
          </dl>
          <p className="govuk-body">
            {r.complaints.overdueNow
              ? `${r.complaints.overdueNow} open ${r.complaints.overdueNow === 1 ? 'complaint is' : 'complaints are'} past a deadline now. `
              : 'No open complaint is past its deadline now. '}
            <Link className="govuk-link" to="/staff/complaints">
              See the complaints
            </Link>
          </p>
        </>
      ) : null}

      <OpenWork open={r.open} />
    </>
  );
}
