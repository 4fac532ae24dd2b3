import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Accessibility statement', staticPage: true };

export default function Page() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Accessibility statement</h1>
      <p className="govuk-body">We want as many people as possible to be able to use this website. You should be able to:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>get around the website using just a keyboard</li>
        <li>use it with a screen reader or speech recognition software</li>
        <li>use it with JavaScript turned off</li>
      </ul>
      <p className="govuk-body">We have tried to write it in plain English.</p>
      <h2 className="govuk-heading-m">How accessible this website is</h2>
      <p className="govuk-body">
        We aim to meet the Web Content Accessibility Guidelines version 2.2 at level AA. Every page is checked with automated tools each time we change the
        website.
      </p>
      <p className="govuk-body">We know of no problems at the moment. If you find one, please tell us.</p>
      <h2 className="govuk-heading-m">Other ways to get in touch</h2>
      <p className="govuk-body">
        If you need help in another format, such as large print, easy read or another language, phone us on the number at the bottom of this page. We can
        arrange an interpreter for free.
      </p>
    </PageColumn>
  );
}
