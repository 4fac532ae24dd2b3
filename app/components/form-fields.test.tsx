import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextInput } from './form-fields';

describe('a passphrase field', () => {
  it('turns off the keyboard’s learning, and each “Show” box names its own field', () => {
    render(
      <>
        <TextInput name="passphrase" label="Choose a passphrase" secret />
        <TextInput name="confirm" label="Type your passphrase again" secret />
      </>,
    );
    const field = screen.getByLabelText('Choose a passphrase');
    expect(field.getAttribute('autocorrect')).toBe('off');
    expect(field.getAttribute('autocapitalize')).toBe('none');
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(screen.getByRole('checkbox', { name: 'Show what I typed in Choose a passphrase' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Show what I typed in Type your passphrase again' })).toBeTruthy();
  });
});
