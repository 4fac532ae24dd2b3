// The frame of every "learn about restorative justice" page: the text, and a list of
// the other pages beside it (below it on a phone).
import { Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';

export const LEARN_PAGES = [
  ['/what-is-restorative-justice', 'What restorative justice is'],
  ['/ways-it-can-happen', 'The ways it can happen'],
  ['/is-it-right-for-me', 'Is it right for me?'],
  ['/what-happens-next', 'What happens when you get in touch'],
  ['/what-the-evidence-says', 'What the evidence says'],
  ['/questions', 'Questions people ask'],
] as const;

export function LearnPage({ title, children }: { title: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const i = LEARN_PAGES.findIndex(([to]) => to === pathname);
  const next = i >= 0 ? LEARN_PAGES[i + 1] : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
        {next ? (
          <nav className="govuk-pagination govuk-pagination--block" aria-label="Next page">
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={next[0]} rel="next">
                <svg
                  className="govuk-pagination__icon govuk-pagination__icon--next"
                  xmlns="http://www.w3.org/2000/svg"
                  height="13"
                  width="15"
                  aria-hidden="true"
                  focusable="false"
                  viewBox="0 0 15 13"
                >
                  <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
                </svg>
                <span className="govuk-pagination__link-title">
                  Next<span className="govuk-visually-hidden"> page</span>
                </span>
                <span className="govuk-visually-hidden">:</span>
                <span className="govuk-pagination__link-label">{next[1]}</span>
              </Link>
            </div>
          </nav>
        ) : null}
      </div>
      <div className="govuk-grid-column-one-third">
        <aside className="app-related" aria-labelledby="learn-more">
          <h2 className="govuk-heading-s" id="learn-more">
            Learn about restorative justice
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {LEARN_PAGES.map(([to, text]) => (
              <li key={to}>
                <Link className="govuk-link" to={to} aria-current={to === pathname ? 'page' : undefined}>
                  {text}
                </Link>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link govuk-!-font-weight-bold" to="/refer">
              Refer yourself
            </Link>
          </p>
        </aside>
      </div>
    </div>
  );
}
