import { PageColumn } from '~/components/page';
import { useI18n } from '~/i18n/context';
import type { RouteHandle } from '~/root';

// Rendered once per language at start (server.js): the words are the `safety` catalogue's.
export const handle: RouteHandle = { title: 'safety:title', namespace: 'safety', staticPage: true };

export default function Page() {
  const { t } = useI18n();
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">{t('safety:title')}</h1>
      <h2 className="govuk-heading-m">{t('safety:leave.heading')}</h2>
      <p className="govuk-body">{t('safety:leave.button')}</p>
      <p className="govuk-body">{t('safety:leave.keyboard')}</p>
      <p className="govuk-body">{t('safety:leave.weDo')}</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t('safety:leave.deleteAnswers')}</li>
        <li>{t('safety:leave.signOut')}</li>
        <li>{t('safety:leave.forget')}</li>
      </ul>
      <p className="govuk-body">{t('safety:leave.back')}</p>
      <h2 className="govuk-heading-m">{t('safety:cover.heading')}</h2>
      <ul className="govuk-list govuk-list--bullet govuk-list--spaced">
        <li>{t('safety:cover.private')}</li>
        <li>{t('safety:cover.history')}</li>
        <li>{t('safety:cover.passphrase')}</li>
        <li>{t('safety:cover.finish')}</li>
        <li>{t('safety:cover.device')}</li>
      </ul>
      <h2 className="govuk-heading-m">{t('safety:help.heading')}</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t('safety:help.copies')}</li>
        <li>{t('safety:help.addresses')}</li>
        <li>{t('safety:help.emails')}</li>
      </ul>
    </PageColumn>
  );
}
