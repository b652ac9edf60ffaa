import { useTranslation } from 'react-i18next';
import { isValidSheba, normalizeSheba } from '#core/identifiers';
import { FieldInput, useValidatedField, type Check, type ValidatedFieldProps } from './ValidatedField';

const check: Check = {
  normalize: (raw) => normalizeSheba(raw),
  validate: (raw, final) => {
    const s = normalizeSheba(raw);
    const body = s.startsWith('IR') ? s.slice(2) : s;
    if (!/^\d*$/.test(body)) return 'ui.sheba.format';
    if (body.length > 24) return 'ui.sheba.length';
    if (body.length === 24 && !isValidSheba(s)) return 'ui.sheba.invalid';
    if (final && !isValidSheba(s)) return body.length < 24 ? 'ui.sheba.length' : 'ui.sheba.invalid';
    return null;
  },
};

/** شماره شبا: `IR` + 24 digits with the ISO 13616 check; spaces and Persian digits accepted. */
export function ShebaField(props: Partial<ValidatedFieldProps> & Pick<ValidatedFieldProps, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  const inputProps = useValidatedField(check, { label: t('ui.sheba.label'), ...props }, t);
  return (
    <FieldInput
      autoComplete="off"
      dir="ltr"
      maxLength={34}
      placeholder="IR000000000000000000000000"
      data-testid="sheba-input"
      {...inputProps}
    />
  );
}
