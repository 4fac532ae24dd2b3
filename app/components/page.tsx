// Page-level pieces: Exit this page, back links, "get help now", summary lists.
import { useI18n } from '~/i18n/context';
import { Link, useActionData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { EXIT_THIS_PAGE } from '~/utils/inline-scripts';
import { ErrorSummary } from './error-summary';
import { type FieldErrors } from './form-fields';

/**
 * GOV.UK "Exit this page". A plain link to the portal's exit route (/exit), which ends
 * this browser's draft and sessions, clears the site's data and sends the browser to a
 * neutral site; so it works without JavaScript. The inline script after it adds Shift ×3
 * and replaces the history entry, from the moment the button shows.
 */
export function ExitThisPage() {
  const { t } = useI18n();
  return (
    <>
      <div className="govuk-exit-this-page">
        <a
          href="/exit"
          role="button"
          draggable="false"
          className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
          data-module="govuk-button"
          rel="nofollow noreferrer"
        >
          <span className="govuk-visually-hidden">{t('layout:exit.emergency')}</span> {t('layout:exit.button')}
        </a>
        <span className="govuk-visually-hidden" aria-live="polite" />
      </div>
      <script dangerouslySetInnerHTML={{ __html: EXIT_THIS_PAGE }} />
    </>
  );
}

/**
 * The usual page: one two-thirds column, opening with the error summary when the page's
 * form came back with errors.
 */
export function PageColumn({ errors, order, children }: { errors?: FieldErrors; order?: string[]; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={order} />
        {children}
      </div>
    </div>
  );
}

/** The field errors of the form this page just posted (conform's reply), if any. */
export function useFormErrors(): FieldErrors {
  const result = useActionData() as { error?: FieldErrors } | undefined;
  return result?.error ?? undefined;
}

/** GOV.UK details: a summary that opens to show more. */
export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

export function BackLink({ to }: { to: string }) {
  return (
    <Link to={to} className="govuk-back-link">
      Back
    </Link>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function GetHelpNow() {
  return (
    <WarningText>
      If you are in danger now, call 999. If you cannot speak, call 999 and press 55 when asked. For free, private support any time, call Victim Support on 08
      08 16 89 111.
    </WarningText>
  );
}

export function StartButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
      {children}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}

export type SummaryRow = { key: string; value: ReactNode; change?: { href: string; label: string } };

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div key={row.key} className={`govuk-summary-list__row${row.change ? '' : ' govuk-summary-list__row--no-actions'}`}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.href}>
                Change<span className="govuk-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** Multi-line text from a person, shown safely (React escapes it) with its line breaks. */
export function PlainText({ text }: { text: string }) {
  return <p className="govuk-body app-pre-wrap">{text}</p>;
}

/** "You have signed out", for the passphrase areas (check your referral, letters). */
export function SignedOut({ signInAgain }: { signInAgain: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">If you are using a shared device, close this browser window now.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={signInAgain}>
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}

/** GOV.UK success notification banner: a title and what happened. */
export function SuccessBanner({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** A message thread between a referrer and the service, oldest first. */
export function MessageThread({
  messages,
  otherSide,
  format,
}: {
  messages: { id: number; from: string; body: string; at: string }[];
  otherSide: string;
  format: (iso: string) => string;
}) {
  return (
    <>
      {messages.map((m) => (
        <div key={m.id} className={`app-message${m.from === 'service' ? ' app-message--service' : ''}`}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {m.from === 'service' ? 'From the service' : otherSide}
            <span className="govuk-caption-m">{format(m.at)}</span>
          </h3>
          <PlainText text={m.body} />
        </div>
      ))}
    </>
  );
}
