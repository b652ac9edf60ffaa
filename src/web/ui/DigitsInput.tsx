/**
 * The one input for digit strings people type: codes (a one-time code, a consent code), national
 * IDs, mobile numbers, postal codes, Sheba numbers, case and page numbers. Latin, Persian (۰-۹) and
 * Arabic-Indic (٠-٩) digits are all accepted as typed; the field shows the page's digits — Persian
 * in fa, Latin in en — whether the person typed the value or the page filled it in, and reports
 * the value upward with Latin digits. The caret stays where it was: each digit is one character
 * in every script. Amounts and counts with separators take `NumberInput` instead.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { toLatinDigits } from '#core/persian-digits';
import { useLang } from '#web/app/i18n/index.ts';
import { digitsOnly, displayDigits } from './number-text';

export interface DigitsInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The value with Latin digits. */
  value: string;
  /** Gets what was typed with Latin digits. */
  onChange: (latin: string) => void;
  /** Keep nothing but digits (a code): spaces, dashes and letters typed are dropped. */
  onlyDigits?: boolean;
  'data-testid'?: string;
}

export const DigitsInput = forwardRef<HTMLInputElement, DigitsInputProps>(function DigitsInput(
  { value, onChange, onlyDigits = false, ...rest },
  ref,
) {
  const { lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);
  const caret = useRef<number | null>(null);

  useEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current) {
      input.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      {...rest}
      ref={input}
      value={displayDigits(value, lang)}
      onChange={(event) => {
        const el = event.currentTarget;
        const at = el.selectionStart ?? el.value.length;
        const next = onlyDigits ? digitsOnly(el.value) : toLatinDigits(el.value);
        // Dropped characters before the caret move it back by as many.
        caret.current = onlyDigits ? digitsOnly(el.value.slice(0, at)).length : at;
        onChange(next);
      }}
    />
  );
});
