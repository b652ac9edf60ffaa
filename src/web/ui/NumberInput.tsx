/**
 * The numeric inputs of every form: `NumberInput` (a count, a percentage), `MoneyInput` (Rials,
 * grouped by thousands) and `DigitsInput` (a digit string such as a code). On a Persian page they
 * show Persian digits as one types — Latin, Persian and Arabic-Indic digits are all accepted — with
 * «٬» between thousands; on an English page, Latin digits and «,».
 *
 * `NumberInput` takes the props of Mantine's NumberInput that Daftar uses and keeps its contract:
 * `onChange` gets a number, or `''` when the field is empty, or the canonical (Latin) text of an
 * unfinished entry such as «-» or «12.». `min` and `max` clamp when the field loses focus. A form
 * turns the value into a request's number with `enteredNumber` (number-text.ts), never `Number()`,
 * which would send a blank field as 0.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLang } from '#web/app/i18n/index.ts';
import {
  canonicalNumberText,
  displayNumberText,
  parseNumberText,
  retypeNumberText,
  type NumberTextOptions,
} from './number-text';

export interface NumberInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: number | string | null | undefined;
  onChange: (value: number | string) => void;
  min?: number;
  max?: number;
  allowDecimal?: boolean;
  allowNegative?: boolean;
  decimalScale?: number;
  /** Group thousands. Any truthy value does it; the separator is the language's («٬» or «,»). */
  thousandSeparator?: boolean | string;
  /** Shown after the field, e.g. «%». */
  suffix?: string;
  'data-testid'?: string;
}

function canonicalOf(value: number | string | null | undefined, options: NumberTextOptions): string {
  if (value === null || value === undefined || value === '') return '';
  return typeof value === 'number' ? String(value) : canonicalNumberText(value, options);
}

export function NumberInput({
  value,
  onChange,
  min,
  max,
  allowDecimal = true,
  allowNegative,
  decimalScale,
  thousandSeparator,
  suffix,
  onBlur,
  rightSection,
  ...rest
}: NumberInputProps) {
  const { lang } = useLang();
  const options: NumberTextOptions = {
    thousands: Boolean(thousandSeparator),
    allowDecimal: allowDecimal && decimalScale !== 0,
    allowNegative: allowNegative ?? (min === undefined || min < 0),
    decimalScale,
  };
  const [canonical, setCanonical] = useState(() => canonicalOf(value, options));
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // A value set from outside (a reset, a loaded record) replaces what is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the value from outside changes, on purpose
  useEffect(() => {
    const outside = canonicalOf(value, options);
    if (
      parseNumberText(outside, options) !== parseNumberText(canonical, options) ||
      (outside === '' && canonical !== '')
    )
      setCanonical(outside);
  }, [value]);

  useEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current) {
      input.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  const emit = (next: string) => {
    setCanonical(next);
    const parsed = parseNumberText(next, options);
    onChange(next === '' ? '' : (parsed ?? next));
  };

  return (
    <TextInput
      {...rest}
      ref={input}
      inputMode={options.allowDecimal ? 'decimal' : 'numeric'}
      autoComplete="off"
      dir="ltr"
      value={displayNumberText(canonical, lang, options)}
      onChange={(event) => {
        const el = event.currentTarget;
        const typed = retypeNumberText(el.value, el.selectionStart ?? el.value.length, lang, options);
        caret.current = typed.caret;
        emit(typed.canonical);
      }}
      onBlur={(event) => {
        const parsed = parseNumberText(canonical, options);
        if (parsed !== null) {
          const clamped = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, parsed));
          if (String(clamped) !== canonical) emit(String(clamped));
        } else if (canonical !== '') emit('');
        onBlur?.(event);
      }}
      rightSection={rightSection ?? (suffix ? <span aria-hidden="true">{suffix}</span> : undefined)}
    />
  );
}
