import { createRemixStub } from '@remix-run/testing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import remixConfig from '../../remix.config.js';
import { REFERRAL_STEPS } from '~/models/referrals/referral-questions';
import { ErrorSummary } from './error-summary';
import { STEP_FIELDS } from './referral-steps';

function renderStep(slug: (typeof REFERRAL_STEPS)[number]['slug'], errors?: Record<string, string[]>, values: Record<string, unknown> = {}) {
  const step = REFERRAL_STEPS.find((s) => s.slug === slug)!;
  const Fields = STEP_FIELDS[slug];
  const Stub = createRemixStub(
    [
      {
        path: '/',
        Component: () => (
          <>
            <ErrorSummary errors={errors} />
            <Fields title={step.title} values={values} errors={errors} />
          </>
        ),
      },
    ],
    {},
  );
  return render(<Stub future={remixConfig.future} />);
}

describe('question pages', () => {
  it('every page has its question as the one page heading', () => {
    for (const step of REFERRAL_STEPS) {
      const { unmount } = renderStep(step.slug);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step.title);
      unmount();
    }
  });

  it('radios are a labelled group with a hint', () => {
    renderStep('what-happened');
    const group = screen.getByRole('group', { name: 'What happened?' });
    expect(group).toHaveAccessibleDescription('Choose the one that fits best. You do not need to give details.');
    expect(screen.getByLabelText('Violence or assault')).toHaveAttribute('type', 'radio');
    expect(screen.getByLabelText('Tell us in a few words (optional)')).toHaveAttribute('name', 'offenceOther');
  });

  it('shows GOV.UK error markup: summary linking to the field, message tied to it', () => {
    const { container } = renderStep('what-happened', { offenceKind: ['Select what happened'] });
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(screen.getByRole('link', { name: 'Select what happened' })).toHaveAttribute('href', '#offenceKind');
    expect(container.querySelector('#offenceKind')).toBeInTheDocument();
    expect(container.querySelector('.govuk-form-group--error')).toBeInTheDocument();
    const message = container.querySelector('#offenceKind-error')!;
    expect(message).toHaveClass('govuk-error-message');
    expect(message).toHaveTextContent('Error: Select what happened');
    expect(screen.getByRole('group', { name: 'What happened?' })).toHaveAccessibleDescription(/Select what happened/);
  });

  it('text fields carry their label, hint and error', () => {
    renderStep('where', { area: ['The area must be 100 characters or fewer'] });
    const input = screen.getByLabelText('Where did it happen?');
    expect(input).toHaveClass('govuk-input--error');
    expect(input).toHaveAccessibleDescription(/Not an address|not give an address/i);
    expect(input).toHaveAccessibleDescription(/Error: The area must be 100 characters or fewer/);
  });

  it('keeps what was chosen, and every field id is unique', () => {
    const { container } = renderStep('contacting-you', undefined, { contactMethod: 'phone', phone: '07700 900982' });
    expect(screen.getByLabelText('Phone')).toBeChecked();
    expect(screen.getByLabelText('Phone number')).toHaveValue('07700 900982');
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('checkboxes mark "not sure" as exclusive', () => {
    renderStep('kind-of-contact');
    expect(screen.getByLabelText('I am not sure yet')).toHaveAttribute('data-behaviour', 'exclusive');
    expect(screen.getByLabelText('Writing letters to each other')).toHaveAttribute('type', 'checkbox');
  });
});
