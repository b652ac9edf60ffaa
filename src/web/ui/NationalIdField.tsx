import { useTranslation } from 'react-i18next';
import { isValidNationalId, normalizeNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { FieldInput, useValidatedField, type Check, type ValidatedFieldProps } from './ValidatedField';

const check: Check = {
  normalize: (raw) => {
    const digits = toLatinDigits(raw).replace(/[\s-]/g, '');
    return isValidNationalId(digits) ? normalizeNationalId(digits) : digits;
  },
  validate: (raw, final) => {
    const digits = toLatinDigits(raw).replace(/[\s-]/g, '');
    if (!/^\d*$/.test(digits)) return 'ui.nationalId.digitsOnly';
    if (digits.length > 10) return 'ui.nationalId.length';
    if (digits.length === 10 && !isValidNationalId(digits)) return 'ui.nationalId.invalid';
    if (final && !isValidNationalId(digits))
      return digits.length < 8 ? 'ui.nationalId.length' : 'ui.nationalId.invalid';
    return null;
  },
};

/** کد ملی: ten digits with the civil registry's check digit; Persian digits accepted. */
export function NationalIdField(props: Partial<ValidatedFieldProps> & Pick<ValidatedFieldProps, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  const inputProps = useValidatedField(check, { label: t('ui.nationalId.label'), ...props }, t);
  return (
    <FieldInput
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      maxLength={14}
      data-testid="national-id-input"
      {...inputProps}
    />
  );
}
