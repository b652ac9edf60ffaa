/**
 * The judicial e-account (SANA-style) registration form, used at the counter (the operator records
 * how identity was checked) and online (the citizen registers themself). Identifiers are checked
 * while typing; the mobile is confirmed with a one-time code sent by SMS before submitting; what
 * the server still rejects appears next to its field. The caller passes the two API calls.
 */
import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidMobile, isValidNationalId } from '#core/identifiers';
import { parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from './JalaliDateInput';
import { MobileField } from './MobileField';
import { NationalIdField } from './NationalIdField';
import { localDigits } from './PersianDigits';
import { ProblemAlert } from './ProblemAlert';
import { ProvinceSelect } from './ProvinceSelect';
import { useSecondsLeft } from './use-seconds-left.ts';
import './i18n/index.ts';
import '#web/app/mantine-styles-rest.ts';
import { IDENTITY_CHECKS_AT_OFFICE } from '#server/modules/accounts/values';
import { DigitsInput } from './DigitsInput';

/** How identity is checked at the office: the server's list. */
export const IDENTITY_CHECKS = IDENTITY_CHECKS_AT_OFFICE;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export interface EAccountInput {
  nationalId: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  /** Jalali YYYY-MM-DD, Latin digits. */
  birthDate: string;
  mobile: string;
  mobileCode: string;
  address: string;
  postalCode: string;
  provinceId?: number;
  identityCheck?: IdentityCheck;
}

export interface CodeSent {
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
}

export interface EAccountFormProps {
  mode: 'office' | 'online';
  /** Prefilled national ID (the counter's lookup that found no e-account). */
  initialNationalId?: string;
  sendCode: (mobile: string) => Promise<CodeSent>;
  submit: (input: EAccountInput) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel?: string;
}

const FIELDS = [
  'nationalId',
  'firstName',
  'lastName',
  'fatherName',
  'birthDate',
  'mobile',
  'mobileCode',
  'address',
  'postalCode',
  'provinceId',
  'identityCheck',
] as const;
type Field = (typeof FIELDS)[number];

const digitsOnly = (v: string) => toLatinDigits(v).replace(/[\s-]/g, '');

export function EAccountForm({
  mode,
  initialNationalId = '',
  sendCode,
  submit,
  onCancel,
  submitLabel,
}: EAccountFormProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [form, setForm] = useState({
    nationalId: initialNationalId,
    firstName: '',
    lastName: '',
    fatherName: '',
    birthDate: '',
    mobile: '',
    mobileCode: '',
    address: '',
    postalCode: '',
    provinceId: null as string | null,
    identityCheck: null as string | null,
  });
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const resendIn = useSecondsLeft(resendAt);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const localErrors = useMemo(() => {
    const e: Partial<Record<Field, string>> = {};
    const required = t('common.required');
    if (!form.nationalId) e.nationalId = required;
    else if (!isValidNationalId(form.nationalId)) e.nationalId = t('ui.nationalId.invalid');
    for (const f of ['firstName', 'lastName', 'fatherName', 'address'] as const) if (!form[f].trim()) e[f] = required;
    if (form.address.trim() && form.address.trim().length < 5) e.address = t('eaccounts.form.addressShort');
    if (!form.birthDate) e.birthDate = required;
    else if (!parseJalaliDate(form.birthDate)) e.birthDate = t('ui.jalaliDate.invalid');
    if (!form.mobile) e.mobile = required;
    else if (!isValidMobile(form.mobile)) e.mobile = t('ui.mobile.invalid');
    if (!/^\d{6}$/.test(form.mobileCode))
      e.mobileCode = sent ? t('eaccounts.form.codeSixDigits') : t('eaccounts.form.codeFirst');
    if (!/^\d{10}$/.test(digitsOnly(form.postalCode)))
      e.postalCode = form.postalCode ? t('eaccounts.form.postalCodeInvalid') : required;
    if (mode === 'online' && !form.provinceId) e.provinceId = required;
    if (mode === 'office' && !form.identityCheck) e.identityCheck = required;
    return e;
  }, [form, mode, sent, t]);

  const serverErrors = { ...fieldErrorsOf(sendError, lang), ...fieldErrorsOf(saveError, lang) };
  // The postal code is checked live once it has ten characters; the rest after the first submit.
  const livePostal =
    form.postalCode && digitsOnly(form.postalCode).length >= 10 && !/^\d{10}$/.test(digitsOnly(form.postalCode))
      ? t('eaccounts.form.postalCodeInvalid')
      : undefined;
  const errorOf = (f: Field) =>
    serverErrors[f] ?? (f === 'postalCode' && livePostal) ?? (submitted ? localErrors[f] : undefined);

  const onSendCode = async () => {
    if (!isValidMobile(form.mobile)) {
      setSubmitted(true);
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      const result = await sendCode(form.mobile);
      setSent(result);
      setResendAt(Date.now() + result.resendInSeconds * 1000);
    } catch (error) {
      setSendError(error);
      const retry = (error as { problem?: { retryAfterSeconds?: number } }).problem?.retryAfterSeconds;
      if (typeof retry === 'number') setResendAt(Date.now() + retry * 1000);
    } finally {
      setSending(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(localErrors).length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await submit({
        nationalId: form.nationalId,
        firstName: form.firstName.trim(),
        lastName: form.lastName.trim(),
        fatherName: form.fatherName.trim(),
        birthDate: form.birthDate,
        mobile: form.mobile,
        mobileCode: form.mobileCode,
        address: form.address.trim(),
        postalCode: digitsOnly(form.postalCode),
        ...(form.provinceId ? { provinceId: Number(form.provinceId) } : {}),
        ...(mode === 'office' && form.identityCheck ? { identityCheck: form.identityCheck as IdentityCheck } : {}),
      });
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eaccounts.form.title')} data-testid={`eaccount-form-${mode}`}>
      <Stack>
        <ProblemAlert error={saveError ?? sendError} shownFields={[...FIELDS]} title={t('eaccounts.form.failed')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NationalIdField
            value={form.nationalId}
            onChange={(v) => set('nationalId', v)}
            required
            forceValidate={submitted}
            serverError={errorOf('nationalId')}
            data-testid="eaccount-national-id"
          />
          <JalaliDateInput
            label={t('eaccounts.form.birthDate')}
            value={form.birthDate}
            onChange={(v) => set('birthDate', v)}
            required
            serverError={errorOf('birthDate')}
            data-testid="eaccount-birth-date"
          />
          <TextInput
            label={t('eaccounts.form.firstName')}
            value={form.firstName}
            onChange={(e) => set('firstName', e.currentTarget.value)}
            required
            autoComplete="off"
            error={errorOf('firstName')}
            data-testid="eaccount-first-name"
          />
          <TextInput
            label={t('eaccounts.form.lastName')}
            value={form.lastName}
            onChange={(e) => set('lastName', e.currentTarget.value)}
            required
            autoComplete="off"
            error={errorOf('lastName')}
            data-testid="eaccount-last-name"
          />
          <TextInput
            label={t('eaccounts.form.fatherName')}
            value={form.fatherName}
            onChange={(e) => set('fatherName', e.currentTarget.value)}
            required
            autoComplete="off"
            error={errorOf('fatherName')}
            data-testid="eaccount-father-name"
          />
          {mode === 'office' ? (
            <Select
              label={t('eaccounts.form.identityCheck')}
              placeholder={t('eaccounts.form.identityCheckPlaceholder')}
              data={IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`eaccounts.identityCheck.${c}`) }))}
              value={form.identityCheck}
              onChange={(v) => set('identityCheck', v)}
              required
              error={errorOf('identityCheck')}
              comboboxProps={{ withinPortal: true }}
              data-testid="eaccount-identity-check"
            />
          ) : null}
          <ProvinceSelect
            label={t('eaccounts.form.province')}
            placeholder={
              mode === 'office' ? t('eaccounts.form.provinceOfOffice') : t('eaccounts.form.provincePlaceholder')
            }
            value={form.provinceId}
            onChange={(v) => set('provinceId', v)}
            required={mode === 'online'}
            error={errorOf('provinceId')}
            data-testid="eaccount-province"
          />
        </SimpleGrid>
        <Textarea
          label={t('eaccounts.form.address')}
          value={form.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          required
          autosize
          minRows={2}
          error={errorOf('address')}
          data-testid="eaccount-address"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DigitsInput
            label={t('eaccounts.form.postalCode')}
            description={t('eaccounts.form.postalCodeHint')}
            value={form.postalCode}
            onChange={(v) => set('postalCode', v)}
            maxLength={14}
            required
            error={errorOf('postalCode')}
            data-testid="eaccount-postal-code"
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MobileField
            value={form.mobile}
            onChange={(v) => {
              set('mobile', v);
              setSent(null);
              setResendAt(null);
            }}
            required
            forceValidate={submitted}
            serverError={errorOf('mobile')}
            data-testid="eaccount-mobile"
          />
          <Group align="flex-end">
            <Button
              variant="light"
              onClick={onSendCode}
              loading={sending}
              disabled={!isValidMobile(form.mobile) || resendIn > 0}
              data-testid="eaccount-send-code"
            >
              {resendIn > 0
                ? t('eaccounts.form.resendIn', { time: `\u2066${localDigits(mmss(resendIn), lang)}\u2069` })
                : sent
                  ? t('eaccounts.form.resendCode')
                  : t('eaccounts.form.sendCode')}
            </Button>
          </Group>
        </SimpleGrid>
        {sent ? (
          <Alert color="indigo" variant="light" data-testid="eaccount-code-sent">
            {t('eaccounts.form.codeSent', { mobile: `\u2066${localDigits(sent.sentTo, lang)}\u2069` })}
          </Alert>
        ) : null}
        <DigitsInput
          label={t('eaccounts.form.mobileCode')}
          description={t('eaccounts.form.mobileCodeHint')}
          value={form.mobileCode}
          onChange={(v) => set('mobileCode', v.slice(0, 6))}
          onlyDigits
          autoComplete="one-time-code"
          maxLength={6}
          required
          disabled={!sent}
          error={errorOf('mobileCode')}
          data-testid="eaccount-mobile-code"
          w={{ base: '100%', sm: 220 }}
        />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={saving} data-testid="eaccount-submit">
            {submitLabel ?? t('eaccounts.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
