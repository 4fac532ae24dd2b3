import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Privacy', staticPage: true };

export default function Page() {
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
        Only our trained staff. Every time a member of staff opens a case, we record it. We do not share what you told us without asking you, unless someone is
        at risk of serious harm.
      </p>
      <h2 className="govuk-heading-m">How long we keep it</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Answers you have not sent yet: 24 hours, then deleted.</li>
        <li>Sign-in sessions: they end after 30 minutes without use.</li>
        <li>Email addresses: removed from our email queue as soon as the email is sent.</li>
      </ul>
      <h2 className="govuk-heading-m">Deleting what you told us</h2>
      <p className="govuk-body">
        Sign in to ‘Check your referral’ and choose ‘Delete everything you told us’. It happens at once. We keep only a count that a referral was deleted.
      </p>
      <h2 className="govuk-heading-m">Cookies</h2>
      <p className="govuk-body">We use 2 cookies, both needed for the service to work. They hold no answers:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>rj_draft: remembers your unsent answers on our server for up to 24 hours</li>
        <li>rj_session: keeps you signed in to ‘Check your referral’ until you sign out or close your browser</li>
      </ul>
      <p className="govuk-body">We do not use analytics or advertising cookies. Our pages load nothing from other websites.</p>
    </PageColumn>
  );
}
