import { useTranslation } from 'react-i18next';
import { normalizeMobile } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { FieldInput, useValidatedField, type Check, type ValidatedFieldProps } from './ValidatedField';

const check: Check = {
  normalize: (raw) => normalizeMobile(raw) ?? toLatinDigits(raw).replace(/[\s()-]/g, ''),
  validate: (raw, final) => {
    const compact = toLatinDigits(raw).replace(/[\s()-]/g, '');
    if (!/^\+?\d*$/.test(compact)) return 'ui.mobile.digitsOnly';
    if (normalizeMobile(compact)) return null;
    const digits = compact.replace(/^\+/, '');
    const full = digits.startsWith('0098') ? 14 : digits.startsWith('98') ? 12 : digits.startsWith('9') ? 10 : 11;
    if (final || digits.length >= full) return 'ui.mobile.invalid';
    if (digits.length >= 2 && digits.startsWith('0') && digits[1] !== '9' && digits[1] !== '0')
      return 'ui.mobile.invalid';
    return null;
  },
};

/** شماره همراه: reported as `09xxxxxxxxx`; +98, 0098 and Persian digits accepted. */
export function MobileField(props: Partial<ValidatedFieldProps> & Pick<ValidatedFieldProps, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  const inputProps = useValidatedField(check, { label: t('ui.mobile.label'), ...props }, t);
  return (
    <FieldInput
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      dir="ltr"
      maxLength={16}
      placeholder={t('ui.mobile.placeholder')}
      {...inputProps}
    />
  );
}
