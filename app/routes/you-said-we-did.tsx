// "You said, we did": what the service changed because of what people told us. No one is
// named; the words are the managers' own, checked for anything that could identify anyone.
import { useLoaderData } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import { publishedServiceChanges } from '~/models/feedback/service-changes.server';
import { formatLongDay } from '~/utils/dates';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'You said, we did' };

export function loader() {
  return { changes: publishedServiceChanges() };
}

export default function YouSaidWeDid() {
  const { changes } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">You said, we did</h1>
      <p className="govuk-body">
        We ask everyone who takes part what they thought, and we read every complaint. This is what we changed because of it. We do not name anyone.
      </p>
      {changes.length === 0 ? <p className="govuk-body">Nothing to show yet.</p> : null}
      {changes.map((c) => (
        <section key={c.id} className="app-section">
          <h2 className="govuk-heading-s">{formatLongDay(c.changedOn)}</h2>
          <p className="govuk-body app-pre-wrap">
            <strong>You said:</strong> {c.youSaid}
          </p>
          <p className="govuk-body app-pre-wrap">
            <strong>We did:</strong> {c.weDid}
          </p>
        </section>
      ))}
    </PageColumn>
  );
}
