/**
 * A text input that accepts Persian/Arabic/Latin digits, normalizes what is typed, and checks it
 * while typing. It keeps the text as typed on screen (in the page's digits, through `DigitsInput`)
 * and reports the normalized value upward. A server-side error (from a problem+json response) wins
 * over the local one.
 */
import type { TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DigitsInput, type DigitsInputProps } from './DigitsInput';

export interface Check {
  /** The value to report upward (Latin digits, canonical form). */
  normalize: (raw: string) => string;
  /** An i18n error key while typing, or null. `final` is true on blur. */
  validate: (raw: string, final: boolean) => string | null;
}

export interface ValidatedFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: string;
  onChange: (normalized: string, valid: boolean) => void;
  serverError?: string | null;
  /** Marks the field as touched so incomplete values show their error (e.g. on submit). */
  forceValidate?: boolean;
  'data-testid'?: string;
}

export function useValidatedField(check: Check, props: ValidatedFieldProps, translate: (key: string) => string) {
  const { value, onChange, serverError, forceValidate, onBlur, ...rest } = props;
  const [raw, setRaw] = useState(value);
  const [touched, setTouched] = useState(false);

  // Follow the parent when it resets or replaces the value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    if (check.normalize(raw) !== value) setRaw(value);
  }, [value]);

  const errorKey = raw ? check.validate(raw, touched || !!forceValidate) : null;
  const error = serverError || (errorKey ? translate(errorKey) : null);

  const inputProps: DigitsInputProps = {
    ...rest,
    value: raw,
    error: error || undefined,
    onChange: (next) => {
      setRaw(next);
      onChange(check.normalize(next), next !== '' && check.validate(next, true) === null);
    },
    onBlur: (event) => {
      setTouched(true);
      onBlur?.(event);
    },
  };
  return inputProps;
}

export function FieldInput(props: DigitsInputProps) {
  return <DigitsInput {...props} />;
}
