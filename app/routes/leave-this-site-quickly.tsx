import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'How to leave this site quickly and cover your tracks', staticPage: true };

export default function Page() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">How to leave this site quickly and cover your tracks</h1>
      <h2 className="govuk-heading-m">Leave quickly</h2>
      <p className="govuk-body">Select the red ‘Exit this page’ button at the top of every page. It takes you to a weather website.</p>
      <p className="govuk-body">On a keyboard, you can also press the Shift key 3 times.</p>
      <p className="govuk-body">When you leave this way, we:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>delete any answers you have not sent yet</li>
        <li>sign you out</li>
        <li>ask your browser to forget what it kept from this site</li>
      </ul>
      <p className="govuk-body">
        The Back button does not bring back the page you were on. It may show other pages of this site you saw before, but not what you typed or chose.
      </p>
      <h2 className="govuk-heading-m">Cover your tracks</h2>
      <ul className="govuk-list govuk-list--bullet govuk-list--spaced">
        <li>Use a private or incognito window. Your browser then forgets the pages you visited when you close it.</li>
        <li>If you did not use one, delete this site from your browsing history. Look for ‘History’ in your browser’s menu. We cannot do this for you.</li>
        <li>Do not save your passphrase in the browser. Write it down and keep it somewhere safe.</li>
        <li>When you have finished, sign out and close the browser window.</li>
        <li>If you can, use a device that only you use, like a phone at work or a computer at a library.</li>
      </ul>
      <h2 className="govuk-heading-m">What we do to help</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Our pages ask your browser not to keep copies of them.</li>
        <li>Our web addresses and page titles never include anything you told us.</li>
        <li>Our emails never say what they are about.</li>
      </ul>
    </PageColumn>
  );
}
