// GOV.UK table with a caption (hidden where the page heading says it) and column headers;
// the rows are the page's own.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  // Wider than a phone, a table scrolls inside a labelled region a keyboard can reach (the
  // worklist was wider than 320 px and pushed the page sideways).
  return (
    <div className="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <TableOnly caption={caption} head={head}>
        {children}
      </TableOnly>
    </div>
  );
}

function TableOnly({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">{children}</tbody>
    </table>
  );
}

/** A cell that links to the row's record. */
export function LinkCell({ to, children }: { to: string; children: ReactNode }) {
  return (
    <td className="govuk-table__cell">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </td>
  );
}

/**
 * Newest / older links for a list read newest first, a page at a time: `older` is the id the
 * next page starts before (`?before=`), `newest` the list's first page.
 */
export function OlderNewer({ label, newest, older, isFirstPage }: { label: string; newest: string; older: number | null; isFirstPage: boolean }) {
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {!isFirstPage ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={newest}>
            <span className="govuk-pagination__link-title">Newest entries</span>
          </Link>
        </div>
      ) : null}
      {older ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={`${newest}${newest.includes('?') ? '&' : '?'}before=${older}`} rel="next">
            <span className="govuk-pagination__link-title">Older entries</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
