// What we keep, why, who sees it and for how long. The periods come from the retention
// schedule the purge applies (app/data/retention.ts, with this deployment's settings), so
// this page and the code cannot disagree.
import { Link, useLoaderData } from '@remix-run/react';
import { PageColumn } from '~/components/page';
import { Table } from '~/components/table';
import { periodText, RETENTION_RULES } from '~/data/retention';
import { retentionPeriods } from '~/models/data-protection/retention.server';
import type { RouteHandle } from '~/root';
import { env } from '~/utils/env.server';

export const handle: RouteHandle = { title: 'Privacy' };

// Only the rules a member of the public needs: staff accounts are told about elsewhere.
const PUBLIC_RULES = RETENTION_RULES.filter((r) => r.key !== 'deactivated_staff');

export async function loader() {
  const periods = retentionPeriods();
  return {
    draftHours: Math.max(1, Math.round(env.DRAFT_IDLE_MINUTES / 60)),
    rules: PUBLIC_RULES.map((r) => ({ key: r.key, what: r.what, period: periodText(periods[r.key], r.unit), from: r.from, then: r.then })),
  };
}

export default function Page() {
  const d = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Privacy</h1>
      <p className="govuk-body">This page explains what we keep about you, why, and for how long.</p>
      <h2 className="govuk-heading-m">What we keep</h2>
      <p className="govuk-body">Only what you choose to tell us. You can refer yourself without giving your name or any contact details.</p>
      <p className="govuk-body">We never keep your passphrase. We keep a scrambled version of it that can check it but cannot turn back into it.</p>
      <h2 className="govuk-heading-m">Why we keep it</h2>
      <p className="govuk-body">To offer you restorative justice, keep you safe, and count how the service is used. Our counts never identify anyone.</p>
      <h2 className="govuk-heading-m">Who can see it</h2>
      <p className="govuk-body">
        Only our trained staff. Every time a member of staff opens a case, a letter or a referral, we record who and when. Managers check these records. We do
        not share what you told us without asking you, unless someone is at risk of serious harm.
      </p>
      <h2 className="govuk-heading-m" id="how-long">
        How long we keep it
      </h2>
      <p className="govuk-body">
        Our system deletes records by itself when their time is up, every day. If you write to us, we keep the record for the full time again from your message.
      </p>
      <Table caption="How long we keep each kind of record" head={['Record', 'How long', 'Then']}>
        {d.rules.map((r) => (
          <tr key={r.key} className="govuk-table__row">
            <td className="govuk-table__cell">{r.what}</td>
            <td className="govuk-table__cell">
              {r.period} from {r.from}
            </td>
            <td className="govuk-table__cell">{r.then}</td>
          </tr>
        ))}
      </Table>
      <p className="govuk-body">Some things go sooner:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          answers you have not sent yet: deleted {d.draftHours === 1 ? '1 hour' : `${d.draftHours} hours`} after your last answer, or at once when you use ‘Exit
          this page’
        </li>
        <li>a wrong reference, passphrase or password: the record of it is deleted after 15 minutes</li>
        <li>sign-in sessions: they end when you sign out, or after 30 minutes without use</li>
        <li>email addresses: removed from our email queue as soon as the email is sent</li>
        <li>answers to our feedback survey: kept without your name or case, so they cannot be linked to you</li>
        <li>answers to the questions about you (like your age or ethnic group): kept the same way, apart from your name and your case</li>
      </ul>
      <p className="govuk-body">
        We keep a case longer only if the law needs us to, for example during a complaint or a court case. A manager records why, and reviews it.
      </p>
      <p className="govuk-body">
        If a professional referred you, we only tell them how it is going if you agree. Then we send them a short email when we make contact, if it will not go
        ahead, when it is done and when we close it. We never send them what you said.
      </p>
      <h2 className="govuk-heading-m">Deleting what you told us</h2>
      <p className="govuk-body">
        Sign in to ‘Check your referral’ and choose ‘Delete everything you told us’. It happens at once. We keep only a count that a referral was deleted.
      </p>
      <p className="govuk-body">
        We keep backup copies in case our system fails. Backups are replaced within 35 days, so what we delete is gone from them too by then.
      </p>
      <h2 className="govuk-heading-m">Your rights</h2>
      <p className="govuk-body">
        You can ask to see what we hold about you, to correct it, to delete it, or to object to how we use it. Call us or write to us. We answer within one
        month.
      </p>
      <p className="govuk-body">
        If you referred yourself, you can download what you told us and your messages: sign in to ‘Check your referral’ and choose ‘Download what you told us’.
      </p>
      <p className="govuk-body">
        If you are unhappy with how we have treated you or your information,{' '}
        <Link className="govuk-link" to="/complaint">
          make a complaint
        </Link>
        . You can also complain to the Information Commissioner’s Office.
      </p>
      <h2 className="govuk-heading-m">Cookies</h2>
      <p className="govuk-body">We only use cookies the service needs to work. They hold no answers. You get each one only when you use that part:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>rj_draft: remembers your unsent answers on our server until you finish or leave them</li>
        <li>rj_session: keeps you signed in to ‘Check your referral’ until you sign out or close your browser</li>
        <li>rj_letters: keeps you signed in to your letters until you sign out or close your browser</li>
        <li>
          rj_letters_setup: keeps the set-up code from the link we emailed you for up to an hour, sealed, so that it does not stay in your browser’s history
        </li>
        <li>rj_feedback: lets you answer our feedback survey once, from the link we sent you</li>
        <li>rj_equality: lets you answer the questions about you once, while you answer them</li>
        <li>
          rj_partner_done and rj_complaint_done: show you your reference once after you send a referral or a complaint, for 10 minutes, sealed so that nobody
          can read it from the cookie
        </li>
      </ul>
      <p className="govuk-body">We do not use analytics or advertising cookies. Our pages load nothing from other websites.</p>
    </PageColumn>
  );
}
