import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink, PlainText, PageColumn } from '~/components/page';
import { formatDateTime } from '~/components/staff';
import { readLetter } from '~/models/letters/reading.server';
import { idParam } from '~/utils/params.server';
import { participantSessions } from '~/utils/session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'A letter for you' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const memberId = await participantSessions.require(request);
  const letter = readLetter(memberId, idParam(params.id));
  if (!letter) throw data('Not found', { status: 404 });
  return { text: letter.text ?? '', at: letter.passedOnAt?.toISOString() ?? '', onPaper: letter.onPaper };
}

export default function ReadLetter() {
  const { text, at, onPaper } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/letters/home" />
      <PageColumn>
        <span className="govuk-caption-l">Passed on by your facilitator {formatDateTime(at)}</span>
        <h1 className="govuk-heading-l">A letter for you</h1>
        {onPaper ? <p className="govuk-body">This letter was written on paper. Your facilitator typed it in.</p> : null}
        <div className="app-letter" id="letter-text">
          <PlainText text={text} />
        </div>
        <p className="govuk-body">If this letter upsets you, you can pause the letters at any time, or talk to your facilitator.</p>
      </PageColumn>
    </>
  );
}
