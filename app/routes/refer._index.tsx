import { Link } from '@remix-run/react';
import { GetHelpNow, StartButton, PageColumn } from '~/components/page';
import { REFERRAL_STEP_LIST } from '~/data/referral-options';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Refer yourself', staticPage: true };

export default function ReferStart() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Refer yourself</h1>
      <p className="govuk-body">If you were harmed by a crime or anti-social behaviour, you can ask us about restorative justice here.</p>
      <p className="govuk-body">It takes about 5 minutes. There are {REFERRAL_STEP_LIST.length} short questions.</p>
      <h2 className="govuk-heading-m">You can stay anonymous</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>You do not have to give your name, address, email or phone number.</li>
        <li>At the end you get a reference and a secret passphrase. Use them to come back and see what is happening.</li>
        <li>Asking is not agreeing. Nothing happens unless you want it to, and you can stop at any time.</li>
      </ul>
      <h2 className="govuk-heading-m">If someone might see your screen</h2>
      <p className="govuk-body">
        Use the ‘Exit this page’ button to leave quickly. You can also press the Shift key 3 times.{' '}
        <Link className="govuk-link" to="/leave-this-site-quickly">
          How to leave quickly and cover your tracks
        </Link>
        .
      </p>
      <GetHelpNow />
      <StartButton to="/refer/who">Start now</StartButton>
    </PageColumn>
  );
}
