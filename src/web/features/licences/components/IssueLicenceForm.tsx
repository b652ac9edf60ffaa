/**
 * The association's form to issue a licence: find the staff member (registry search by name,
 * national ID or username), choose the office they work at, tick the services. Services the
 * person is not trained for, or the office is not competent for, are shown but cannot be ticked,
 * with the reason beside them; the server checks the same again.
 */
import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useEligibility, useIssueLicence, useStaffSearch, type StaffHit } from '../api/licences';

const PERFORMING_ROLES = ['operator', 'office_manager'];

export function IssueLicenceForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits, text } = useDigits();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(toLatinDigits(search.trim()), 300);
  const staff = useStaffSearch(q);
  const [person, setPerson] = useState<StaffHit | null>(null);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const eligibility = useEligibility(person?.id ?? null, officeId);
  const issue = useIssueLicence();
  const errors = fieldErrorsOf(issue.error, lang);

  const offices = (person?.roles ?? [])
    .filter((r) => PERFORMING_ROLES.includes(r.role))
    .map((r) => ({ value: String(r.office.id), label: `${text(r.office.name)} (${digits(r.office.code)})` }))
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    setOfficeId(offices.length === 1 ? offices[0].value : null);
    setCodes([]);
    issue.reset();
  }, [person?.id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => setCodes([]), [officeId]);

  const eligible = (eligibility.data?.services ?? []).filter((s) => s.eligible).map((s) => s.code);
  const serviceName = (s: { nameFa: string; nameEn: string }) => (lang === 'fa' ? s.nameFa : s.nameEn);
  const missingCodes =
    isApiError(issue.error) && Array.isArray(issue.error.problem.serviceCodes)
      ? (issue.error.problem.serviceCodes as string[])
      : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person || !officeId) return;
    issue.mutate(
      { userId: person.id, officeId: Number(officeId), serviceCodes: codes },
      { onSuccess: (detail) => navigate(`/licences/${detail.licence.id}`) },
    );
  };

  return (
    <FormSection
      title={t('licences.issue.title')}
      onSubmit={submit}
      data-testid="issue-licence"
      actions={
        <>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={issue.isPending}
            disabled={!person || !officeId || codes.length === 0}
            data-testid="issue-submit"
          >
            {t('licences.issue.submit')}
          </Button>
        </>
      }
    >
      <TextInput
        label={t('licences.issue.findStaff')}
        description={t('licences.issue.findStaffHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
        error={errors.userId}
        data-testid="issue-staff-search"
      />
      {staff.data && q.length >= 2 ? (
        staff.data.items.length ? (
          <Radio.Group
            label={t('licences.issue.pickStaff')}
            value={person ? String(person.id) : null}
            onChange={(value) => setPerson(staff.data.items.find((s) => String(s.id) === value) ?? null)}
          >
            <Stack gap={6} mt={6}>
              {staff.data.items.map((s) => (
                <Radio
                  key={s.id}
                  value={String(s.id)}
                  data-testid="issue-staff-option"
                  label={`${s.name.first} ${s.name.last} — ${s.username ?? ''} — ${t('licences.nationalId')} ${digits(s.nationalId ?? '')}`}
                  description={s.roles.map((r) => `${t(`roles.${r.role}`)}: ${text(r.office.name)}`).join('، ')}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm">{t('common.nothingFound')}</Text>
        )
      ) : null}
      {person ? (
        <Select
          label={t('licences.issue.office')}
          data={offices}
          value={officeId}
          onChange={setOfficeId}
          required
          error={errors.officeId ?? (offices.length === 0 ? t('licences.issue.noOffice') : undefined)}
          data-testid="issue-office"
        />
      ) : null}
      <ProblemAlert error={eligibility.error} />
      {eligibility.data ? (
        <>
          {eligibility.data.currentLicence ? (
            <Alert color="yellow" variant="light" data-testid="issue-current-licence">
              {t('licences.issue.hasCurrent', { number: digits(eligibility.data.currentLicence.number) })}
            </Alert>
          ) : null}
          <Checkbox.Group
            label={t('licences.issue.services')}
            description={t('licences.issue.servicesHint')}
            value={codes}
            onChange={setCodes}
            error={errors.serviceCodes}
          >
            <Stack gap={6} mt={6}>
              {[...eligibility.data.services]
                .sort((a, b) => Number(b.eligible) - Number(a.eligible))
                .map((s) => (
                  <Checkbox
                    key={s.code}
                    value={s.code}
                    disabled={!s.eligible}
                    label={serviceName(s)}
                    description={s.missing.map((m) => t(`licences.missing.${m}`)).join(' ')}
                    data-testid={`issue-service-${s.code}`}
                  />
                ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setCodes(eligible)}
              disabled={!eligible.length}
              data-testid="issue-select-all"
            >
              {t('licences.issue.selectAll')}
            </Button>
          </Group>
        </>
      ) : null}
      <ProblemAlert
        error={issue.error}
        shownFields={['userId', 'officeId', 'serviceCodes']}
        data-testid="issue-problem"
      />
      {missingCodes.length ? (
        <Text size="sm" c="red.8" data-testid="issue-missing-codes">
          {t('licences.issue.missingList', {
            list: missingCodes
              .map((c) => {
                const s = eligibility.data?.services.find((x) => x.code === c);
                return s ? serviceName(s) : c;
              })
              .join('، '),
          })}
        </Text>
      ) : null}
    </FormSection>
  );
}
