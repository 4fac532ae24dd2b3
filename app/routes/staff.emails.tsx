// Every email the service sends, with sample data: subject, text part and HTML part.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { renderEmailPreviews } from '~/models/staff/email-previews.server';
import { requireStaff } from '~/utils/staff-session.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Emails we send' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { emails: renderEmailPreviews() };
}

export default function EmailPreviews() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Emails we send</h1>
      <p className="govuk-body">None of them carries what anyone wrote or told us. Each has a plain text part and an HTML part.</p>
      {emails.map((e) => (
        <section key={e.name} className="app-section" aria-labelledby={`email-${e.name.replace(/\W+/g, '-')}`}>
          <h2 className="govuk-heading-m" id={`email-${e.name.replace(/\W+/g, '-')}`}>
            {e.name}
          </h2>
          <p className="govuk-body">To: {e.who}</p>
          <p className="govuk-body">
            Subject: <strong>{e.subject}</strong>
          </p>
          <h3 className="govuk-heading-s">Text</h3>
          <pre className="app-pre-wrap govuk-body-s">{e.text}</pre>
          <h3 className="govuk-heading-s">HTML</h3>
          <div
            className="app-letter"
            dangerouslySetInnerHTML={{ __html: e.html.replace(/^<!doctype html><html lang="en"><body[^>]*>|<\/body><\/html>$/g, '') }}
          />
        </section>
      ))}
    </>
  );
}
