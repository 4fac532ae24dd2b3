// Conditional reveals and exclusive checkboxes for GOV.UK radios and checkboxes.
// GOV.UK Frontend's own script sets aria-expanded on the inputs, which ARIA does not
// allow on a radio or a checkbox (axe: aria-allowed-attr), so we do the same job here.
// React renders aria-controls itself; this script only shows and hides, and never adds
// attributes React does not know about (they would go stale when React re-renders).
// Without JavaScript every conditional field simply shows.
export function enhanceChoices(scope: ParentNode = document): () => void {
  const sync = () => {
    for (const input of scope.querySelectorAll<HTMLInputElement>('.govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]')) {
      const target = document.getElementById(input.getAttribute('aria-controls')!);
      const kind = input.type === 'radio' ? 'radios' : 'checkboxes';
      target?.classList.toggle(`govuk-${kind}__conditional--hidden`, !input.checked);
    }
  };
  const onChange = (event: Event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox' || !input.checked || !input.form) {
      sync();
      return;
    }
    // "None of these" style options clear the others, and the others clear them.
    const exclusive = input.dataset.behaviour === 'exclusive';
    for (const other of input.form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(input.name)}"]`)) {
      if (other !== input && (exclusive || other.dataset.behaviour === 'exclusive')) other.checked = false;
    }
    sync();
  };
  sync();
  document.addEventListener('change', onChange);
  return () => document.removeEventListener('change', onChange);
}
