// The only JavaScript a public or participant page loads (see RouteHandle.clientRuntime
// in root.tsx): GOV.UK Frontend's own behaviour for the components these pages use, and
// the portal's conditional reveals. Everything works without it. "Exit this page" is not
// here: a script inline after the button (app/utils/inline-scripts.ts) makes it work as
// soon as it shows, before this file arrives.
import { Button, createAll, ErrorSummary, ServiceNavigation, SkipLink } from 'govuk-frontend';
import { enhanceChoices } from '~/utils/conditional-reveal.client';

if (document.body.classList.contains('govuk-frontend-supported')) {
  for (const Component of [ErrorSummary, Button, SkipLink, ServiceNavigation]) createAll(Component);
  enhanceChoices();
}
