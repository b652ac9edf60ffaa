/**
 * The association's form to add a service to a current licence (POST /api/v1/licences/:id/services,
 * docs/decisions/0066): the services of the catalog the licence does not name yet, the ones the
 * holder's training and the office's competencies allow first; the others are shown, disabled,
 * with what is missing. The server checks the same again; its refusal is shown under the field.
 */
import { Button, Select, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useEligibility, useWidenLicence, type Licence } from '../api/licences';

export function WidenLicenceForm({ licence }: { licence: Licence }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const eligibility = useEligibility(licence.holder.id, licence.office.id);
  const widen = useWidenLicence(licence.id);
  const [code, setCode] = useState<string | null>(null);
  const held = new Set(licence.services.map((s) => s.code));
  const name = (s: { nameFa: string; nameEn: string }) => (lang === 'fa' ? s.nameFa : s.nameEn);
  const options = [...(eligibility.data?.services ?? [])]
    .filter((s) => !held.has(s.code))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible))
    .map((s) => ({
      value: s.code,
      disabled: !s.eligible,
      label: s.eligible ? name(s) : `${name(s)} — ${s.missing.map((m) => t(`licences.missing.${m}`)).join(' ')}`,
    }));
  const errors = fieldErrorsOf(widen.error, lang);
  // A refusal about the services themselves (untrained, office not competent) belongs beside the field.
  const refusal =
    isApiError(widen.error) && Array.isArray(widen.error.problem.serviceCodes)
      ? (widen.error.problem.message?.[lang] ?? widen.error.problem.message?.fa)
      : undefined;
  const fieldError = errors.serviceCodes ?? errors['serviceCodes.0'] ?? refusal;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    widen.mutate({ serviceCodes: code ? [code] : [] }, { onSuccess: () => setCode(null) });
  };

  return (
    <FormSection
      title={t('licences.widen.title')}
      onSubmit={submit}
      data-testid="widen-licence"
      actions={
        <Button type="submit" loading={widen.isPending} data-testid="widen-submit">
          {t('licences.widen.submit')}
        </Button>
      }
    >
      <Select
        label={t('licences.widen.service')}
        description={t('licences.widen.hint')}
        placeholder={t('licences.widen.placeholder')}
        data={options}
        value={code}
        onChange={(value) => {
          setCode(value);
          widen.reset();
        }}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        error={fieldError}
        data-testid="widen-service"
      />
      <ProblemAlert error={eligibility.error} />
      {refusal ? null : <ProblemAlert error={widen.error} shownFields={['serviceCodes', 'serviceCodes.0']} />}
      {widen.isSuccess ? (
        <Text size="sm" c="green.8" role="status" data-testid="widen-done">
          {t('licences.widen.done')}
        </Text>
      ) : null}
    </FormSection>
  );
}
