// GOV.UK form components in JSX, with the markup of govuk-frontend's templates.
// Field ids follow one rule: the first input of a field has id = its name, its error
// message has id `${name}-error`, so the error summary can link straight to it.
import { Fragment, type ReactNode } from 'react';

export type FieldErrors = Record<string, string[] | null | undefined> | undefined;

export function firstError(errors: FieldErrors, name: string): string | undefined {
  return errors?.[name]?.[0] ?? undefined;
}

/** A field's name and its first error, to spread into TextInput, Textarea or Select. */
export const fieldOf = (errors: FieldErrors, name: string) => ({ name, error: firstError(errors, name) });

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

type Legend = { text: string; isPageHeading?: boolean; size?: 'l' | 'm' | 's' };

function FieldsetLegend({ legend }: { legend: Legend }) {
  const size = legend.size ?? (legend.isPageHeading ? 'l' : 'm');
  return (
    <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
      {legend.isPageHeading ? <h1 className="govuk-fieldset__heading">{legend.text}</h1> : legend.text}
    </legend>
  );
}

export type ChoiceItem = {
  value: string;
  label: string;
  hint?: string;
  conditional?: ReactNode;
  /** A divider ("or") shown before this item. */
  dividerBefore?: string;
  exclusive?: boolean;
};

type ChoicesProps = {
  kind: 'radios' | 'checkboxes';
  name: string;
  legend: Legend;
  hint?: ReactNode;
  items: ChoiceItem[];
  selected?: string | string[];
  error?: string;
  small?: boolean;
};

export function Choices({ kind, name, legend, hint, items, selected, error, small }: ChoicesProps) {
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <FieldsetLegend legend={legend} />
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${name}-error`} message={error} />
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ''}`} data-module={`govuk-${kind}`}>
          {items.map((item, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            const conditionalId = `conditional-${id}`;
            return (
              <Fragment key={item.value}>
                {item.dividerBefore ? <div className={`govuk-${kind}__divider`}>{item.dividerBefore}</div> : null}
                <div className={`govuk-${kind}__item`}>
                  <input
                    className={`govuk-${kind}__input`}
                    id={id}
                    name={name}
                    type={type}
                    value={item.value}
                    defaultChecked={chosen.has(item.value)}
                    aria-describedby={item.hint ? `${id}-item-hint` : undefined}
                    aria-controls={item.conditional ? conditionalId : undefined}
                    data-behaviour={item.exclusive ? 'exclusive' : undefined}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div className={`govuk-${kind}__conditional${chosen.has(item.value) ? '' : ` govuk-${kind}__conditional--hidden`}`} id={conditionalId}>
                    {item.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

type TextProps = {
  name: string;
  label: string;
  isPageHeading?: boolean;
  labelSize?: 'l' | 'm' | 's';
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password';
  autoComplete?: string;
  spellCheck?: boolean;
  width?: '20' | '10' | '5' | 'one-half' | 'two-thirds';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /**
   * A passphrase: masked on screen (for whoever looks over a shoulder) with a "Show" box
   * that works without JavaScript, yet a plain text field with autocomplete off, because a
   * password field makes the browser offer to save it, which on a shared phone is worse.
   */
  secret?: boolean;
};

function Label({ htmlFor, text, isPageHeading, size }: { htmlFor: string; text: string; isPageHeading?: boolean; size?: 'l' | 'm' | 's' }) {
  const cls = `govuk-label${size ? ` govuk-label--${size}` : isPageHeading ? ' govuk-label--l' : ''}`;
  const label = (
    <label className={cls} htmlFor={htmlFor}>
      {text}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

/** A question's frame: the form group, its label, hint and error message, then the control. */
type FieldFrame = Pick<TextProps, 'name' | 'label' | 'isPageHeading' | 'labelSize' | 'hint' | 'error'>;

function FieldGroup({ children, ...f }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${f.error ? ' govuk-form-group--error' : ''}`}>
      <Label htmlFor={f.name} text={f.label} isPageHeading={f.isPageHeading} size={f.labelSize} />
      {f.hint ? (
        <div id={`${f.name}-hint`} className="govuk-hint">
          {f.hint}
        </div>
      ) : null}
      <ErrorMessage id={`${f.name}-error`} message={f.error} />
      {children}
    </div>
  );
}

/** What a text input and a text area share: id and name, the saved value, no autofill unless asked. */
const controlProps = (p: TextareaProps) => ({
  id: p.name,
  name: p.name,
  defaultValue: p.defaultValue,
  autoComplete: p.autoComplete ?? 'off',
  spellCheck: p.spellCheck,
});

export function TextInput(props: TextProps) {
  const { name, hint, error, type = 'text', width, inputMode, secret } = props;
  const widthClass = width ? (width.includes('-') ? ` govuk-!-width-${width}` : ` govuk-input--width-${width}`) : '';
  return (
    <FieldGroup {...props}>
      <input
        className={`govuk-input${widthClass}${error ? ' govuk-input--error' : ''}${secret ? ' app-secret' : ''}`}
        {...controlProps(props)}
        type={type}
        inputMode={inputMode}
        autoCapitalize={secret ? 'none' : undefined}
        // A passphrase must not teach a shared phone's keyboard its words.
        autoCorrect={secret ? 'off' : undefined}
        aria-describedby={describedBy(hint ? `${name}-hint` : undefined, error && `${name}-error`)}
      />
      {secret ? (
        <div className="govuk-checkboxes govuk-checkboxes--small app-secret-show">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id={`${name}-show`} type="checkbox" />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-show`}>
              Show what I typed {/* Two passphrase fields on one page: each box says which it shows. */}
              <span className="govuk-visually-hidden">{`in ${props.label}`}</span>
            </label>
          </div>
        </div>
      ) : null}
    </FieldGroup>
  );
}

type TextareaProps = Omit<TextProps, 'type' | 'width' | 'inputMode'> & { rows?: number; maxLength?: number };

export function Textarea(props: TextareaProps) {
  const { name, hint, error, rows = 5, maxLength } = props;
  const infoId = maxLength ? `${name}-info` : undefined;
  return (
    <FieldGroup {...props}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        {...controlProps(props)}
        rows={rows}
        aria-describedby={describedBy(hint ? `${name}-hint` : undefined, infoId, error && `${name}-error`)}
      />
      {maxLength ? (
        <div id={infoId} className="govuk-hint">
          You can enter up to {maxLength.toLocaleString('en-GB')} characters
        </div>
      ) : null}
    </FieldGroup>
  );
}

export function Button({
  children,
  secondary,
  warning,
  name,
  value,
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`}
      data-module="govuk-button"
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

export function Select({
  name,
  label,
  options,
  defaultValue,
  error,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  return (
    <FieldGroup name={name} label={label} hint={hint} error={error}>
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}
