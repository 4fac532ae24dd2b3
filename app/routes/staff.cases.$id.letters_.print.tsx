// The whole letter exchange, for the case file: every version and every decision.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDateTime } from '~/components/staff';
import { getExchangeRecord } from '~/models/letters/paper-and-record.server';
import { idParam } from '~/utils/params.server';
import { requireStaff } from '~/utils/staff-session.server';
import { LETTER_STATES } from '~/models/states';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Letter exchange for the case file' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const r = getExchangeRecord(session.user, idParam(params.id));
  if (!r) throw data('Not found', { status: 404 });
  return {
    reference: r.reference,
    printedAt: new Date().toISOString(),
    letters: r.letters.map((l) => ({
      ...l,
      versions: l.versions.map((v) => ({ ...v, at: v.at.toISOString(), review: v.review ? { ...v.review, at: v.review.at.toISOString() } : null })),
    })),
  };
}

export default function ExchangeRecord() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="app-print">
      <h1 className="govuk-heading-l">Letter exchange, case {d.reference}</h1>
      <p className="govuk-body-s">
        For the case file. Printed {formatDateTime(d.printedAt)}. Contains every version of every letter, including parts that were not passed on.
      </p>
      {d.letters.length === 0 ? <p className="govuk-body">No letters yet.</p> : null}
      {d.letters.map((l) => (
        <section key={l.id} className="app-section" aria-labelledby={`letter-${l.id}`}>
          <h2 className="govuk-heading-m" id={`letter-${l.id}`}>
            Letter {l.id}: {l.from} to {l.to}
            {l.onPaper ? ' (on paper)' : ''}
          </h2>
          <p className="govuk-body">Now: {LETTER_STATES[l.status].author}</p>
          {l.versions.map((v) => (
            <div key={v.version}>
              <h3 className="govuk-heading-s">
                Version {v.version}, {formatDateTime(v.at)}
              </h3>
              <p className="govuk-body app-pre-wrap app-letter">{v.body}</p>
              {v.review ? (
                <p className="govuk-body">
                  Decision: {v.review.decision.replace(/_/g, ' ')} by {v.review.by}, {formatDateTime(v.review.at)}.
                  {v.review.redactions?.length ? ` Removed: ${v.review.redactions.map(([a, b]) => `“${v.body.slice(a, b)}”`).join(', ')}.` : ''}
                  {v.review.message ? ` To the author: ${v.review.message}` : ''}
                  {v.review.reason ? ` For the record: ${v.review.reason}` : ''}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
