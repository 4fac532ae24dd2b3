// GOV.UK's error summary: "There is a problem", each message linking to its field (or, for a
// key that is a path, to that page).
import { type FieldErrors } from './form-fields';

export function ErrorSummary({ errors, order }: { errors: FieldErrors; order?: string[] }) {
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length);
  if (!entries.length) return null;
  if (order) entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([name, messages]) => (
              <li key={name}>
                {/* A key that is a path links to that page; otherwise to the field on this page. */}
                <a href={name.startsWith('/') ? name : `#${name || 'main-content'}`}>{messages[0]}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
