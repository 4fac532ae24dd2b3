// What each figure in the reports counts, and which date places it in a period: the same
// words as beside each row of the CSV return (models/reports.ts).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink, PageColumn } from '~/components/page';
import { DEFINITIONS } from '~/models/reports/reports';
import type { RouteHandle } from '~/root';
import { env } from '~/utils/env.server';
import { requireStaff } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'What the reports count' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { threshold: env.REPORT_SMALL_NUMBER, target: env.FIRST_CONTACT_WORKING_DAYS };
}

export default function Definitions() {
  const { threshold, target } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <BackLink to="/staff/reports" />
      <h1 className="govuk-heading-l">What the reports count</h1>
      <p className="govuk-body">{`A period is made of whole months, in UK time. Any count from 1 to ${threshold - 1} shows as “fewer than ${threshold}”. When that would leave a single hidden count in a breakdown with a total, the next smallest count shows as “withheld”, so the total cannot give the hidden one away. A share is shown only when at least ${threshold} people answered. The first-contact target is ${target} working days.`}</p>
      {Object.entries(DEFINITIONS).map(([key, d]) => (
        <section key={key} id={key}>
          <h2 className="govuk-heading-m">{d.section}</h2>
          <p className="govuk-body">{d.counts}</p>
          <p className="govuk-body">
            <strong>In the period by: </strong>
            {d.placedBy}
          </p>
        </section>
      ))}
    </PageColumn>
  );
}
