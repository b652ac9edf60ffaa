/**
 * A Jalali (Solar Hijri) date input.
 *
 * VALUE CONTRACT: `value` and `onChange` carry a **Jalali date as `YYYY-MM-DD` with Latin digits**
 * (e.g. `1370-06-31`), or `''` when empty or not (yet) a real date — the same form the API takes
 * for dates people type (e.g. `birthDate`). Convert with `jalaliToIso` from `#core/jalali` when a
 * Gregorian ISO date is needed.
 *
 * Keyboard first: the field is a labelled text input that accepts `۱۴۰۳/۰۵/۰۱`, `1403-5-1`, etc.
 * The calendar button next to it opens react-multi-date-picker's Persian calendar in a popover
 * (Escape closes it and returns focus) for people who prefer to pick. The calendar is its own
 * chunk (JalaliCalendar), fetched when the pointer or focus reaches the button, so a page with a
 * date field does not carry it.
 */
import { ActionIcon, Center, Loader, Popover, type TextInputProps } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, parseJalaliDate, tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { useLang } from '#web/app/i18n/index.ts';
import { DigitsInput } from './DigitsInput';

export interface JalaliDateInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: string;
  onChange: (jalaliIso: string) => void;
  serverError?: string | null;
  'data-testid'?: string;
}

const loadCalendar = () => import('./JalaliCalendar.tsx');
const JalaliCalendar = lazy(loadCalendar);

function display(jalaliIso: string, lang: 'fa' | 'en'): string {
  const text = jalaliIso.replace(/-/g, '/');
  return lang === 'fa' ? toPersianDigits(text) : text;
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}

export function JalaliDateInput({ value, onChange, serverError, label, ...rest }: JalaliDateInputProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [raw, setRaw] = useState(() => (value ? display(value, lang) : ''));
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    const parsed = parseJalaliDate(raw);
    const current = parsed ? formatJalaliIso(parsed) : '';
    if (current !== value) setRaw(value ? display(value, lang) : '');
  }, [value]);

  // Re-render a valid date in the new language's digits when the language changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    if (value) setRaw(display(value, lang));
  }, [lang]);

  // The example is today, in the Jalali calendar, as the field would show it.
  const example = useMemo(() => display(formatJalaliIso(isoToJalali(tehranIsoDate())), lang), [lang]);
  const parsed = raw ? parseJalaliDate(raw) : null;
  const localError = raw && !parsed && touched ? t('ui.jalaliDate.invalid') : null;

  return (
    <DigitsInput
      {...rest}
      label={label ?? t('ui.jalaliDate.label')}
      description={rest.description ?? t('ui.jalaliDate.hint', { example })}
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      placeholder={example}
      value={raw}
      error={serverError || localError || undefined}
      onChange={(next) => {
        setRaw(next);
        const p = next ? parseJalaliDate(next) : null;
        onChange(p ? formatJalaliIso(p) : '');
      }}
      onBlur={(event) => {
        setTouched(true);
        rest.onBlur?.(event);
      }}
      rightSectionWidth={40}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover
          opened={opened}
          onChange={setOpened}
          position="bottom-end"
          trapFocus
          returnFocus
          withinPortal
          shadow="md"
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('ui.jalaliDate.openCalendar')}
              aria-expanded={opened}
              onClick={() => setOpened((o) => !o)}
              onPointerEnter={() => void loadCalendar()}
              onFocus={() => void loadCalendar()}
              data-testid="jalali-calendar-button"
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p={0} dir={lang === 'fa' ? 'rtl' : 'ltr'}>
            <Suspense
              fallback={
                <Center w={250} h={250}>
                  <Loader size="sm" role="status" aria-label={t('common.loading')} />
                </Center>
              }
            >
              <JalaliCalendar
                value={parsed}
                lang={lang}
                labels={{
                  previous: t('ui.jalaliDate.previousMonth'),
                  next: t('ui.jalaliDate.nextMonth'),
                  calendar: t('ui.jalaliDate.openCalendar'),
                }}
                onPick={(date) => {
                  const iso = formatJalaliIso(date);
                  setRaw(display(iso, lang));
                  setTouched(true);
                  onChange(iso);
                  setOpened(false);
                }}
              />
            </Suspense>
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
