import { PageColumn } from '~/components/page';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Thank you' };

export default function EqualityThanks() {
  return (
    <PageColumn>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Thank you</h1>
        <div className="govuk-panel__body">We have your answers</div>
      </div>
      <p className="govuk-body">
        Your answers are kept apart from your name and your referral. We only ever count them together with everyone else’s, to check that the service treats
        everyone fairly.
      </p>
      <p className="govuk-body">If you are using a shared device, close this browser window when you have finished.</p>
    </PageColumn>
  );
}
