// An approved letter laid out for printing and delivery (for example, into a prison):
// the case and letter references and the letter as passed on. No one's details.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PlainText } from '~/components/page';
import { formatDateTime } from '~/components/staff';
import { getLetterForPrint } from '~/models/letters/paper-and-record.server';
import { idParam } from '~/utils/params.server';
import { requireStaff } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Print letter' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request);
  const p = getLetterForPrint(session.user, idParam(params.id));
  if (!p) throw data('Not found', { status: 404 });
  return { ...p, passedOnAt: p.passedOnAt?.toISOString() ?? '' };
}

export default function PrintLetter() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="app-print">
      <p className="govuk-body-s">
        Restorative Justice Service · Case {d.caseReference} · Letter {d.letterId} · Passed on {formatDateTime(d.passedOnAt)}
      </p>
      <h1 className="govuk-heading-m">A letter for you</h1>
      <p className="govuk-body">Your facilitator has read this letter and is passing it on to you.</p>
      <div className="app-letter" id="letter-text">
        <PlainText text={d.text} />
      </div>
      <p className="govuk-body-s app-no-print">Use your browser’s print command to print this page.</p>
    </article>
  );
}
