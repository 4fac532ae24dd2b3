// Managers: everything the portal holds about one person, to review and print for a
// subject access request. Others' information is marked for review before it is sent.
// Opening this page is recorded in the audit trail.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { WarningText } from '~/components/page';
import { formatDateTime } from '~/components/staff';
import { subjectAccess, subjectOf } from '~/models/data-protection/subject-access.server';
import type { RouteHandle } from '~/root';
import { requireStaff } from '~/utils/staff-session.server';

export const handle: RouteHandle = { title: 'Everything held about a person' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const { kind, id } = subjectOf(params);
  const bundle = subjectAccess(session.user, kind, id);
  if (!bundle) throw data('Not found', { status: 404 });
  return { ...bundle, id };
}

export default function SubjectAccess() {
  const d = useLoaderData<typeof loader>();
  const others = d.sections.reduce((n, s) => n + s.items.filter((i) => i.othersData).length, 0);
  return (
    <>
      <span className="govuk-caption-l">{d.who}</span>
      <h1 className="govuk-heading-l">Everything held about this person</h1>
      <p className="govuk-body">
        Produced by {d.producedBy}, {formatDateTime(d.producedAt)}. This is recorded in the audit trail.{' '}
        <Link className="govuk-link" to={`/staff/subject-access/${d.kind}/${d.id}/file`} reloadDocument>
          Download as a JSON file
        </Link>
      </p>
      {others ? (
        <WarningText>
          {others} {others === 1 ? 'item is' : 'items are'} marked ‘Others’ information’. Review and redact them before you send this. Answer within one month
          of the request.
        </WarningText>
      ) : null}
      {d.sections.map((s) => (
        <section key={s.title} className="govuk-!-margin-bottom-7">
          <h2 className="govuk-heading-m">{s.title}</h2>
          {s.note ? <p className="govuk-body">{s.note}</p> : null}
          {s.items.length ? (
            <dl className="govuk-summary-list">
              {s.items.map((item, i) => (
                <div key={i} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">
                    {item.label}
                    {item.at ? <span className="govuk-caption-m">{formatDateTime(item.at)}</span> : null}
                  </dt>
                  <dd className="govuk-summary-list__value">
                    {item.othersData ? (
                      <>
                        <strong className="govuk-tag govuk-tag--orange">Others’ information</strong>
                        <br />
                      </>
                    ) : null}
                    <span className="app-pre-wrap">{item.value}</span>
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="govuk-body">Nothing held.</p>
          )}
        </section>
      ))}
    </>
  );
}
