import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isValidNationalId } from '#core/identifiers';
import { isApiError } from '#web/app/api-client.ts';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useApplicant } from '../api/find-applicant';

/**
 * The applicant of a filing, by national ID: at the counter the operator types it (or it arrives
 * from the counter's lookup) and reads back the name on record; online it is the signed-in
 * citizen's own, filled in. Once the draft exists the applicant is fixed.
 */
export function ApplicantField({
  mode,
  nationalId,
  name,
  onChange,
  serverError,
}: {
  /** `counter`: typed by the operator; `self`: the signed-in citizen; `fixed`: the saved draft's. */
  mode: 'counter' | 'self' | 'fixed';
  nationalId: string;
  /** The name already known (a saved draft's applicant). */
  name?: string;
  onChange: (nationalId: string) => void;
  serverError?: string;
}) {
  const { t } = useTranslation();
  const typed = mode === 'counter' && isValidNationalId(nationalId);
  const lookup = useApplicant(mode === 'self' ? null : nationalId, mode === 'self' || typed);
  const shownId = mode === 'self' ? (lookup.data?.nationalId ?? '') : nationalId;
  const shownName =
    name ?? (lookup.data && (mode === 'self' || lookup.data.nationalId === nationalId) ? lookup.data.name : null);
  const unregistered = isApiError(lookup.error) && lookup.error.code === 'eaccount_not_found';

  return (
    <Stack gap={4} data-testid="wizard-applicant">
      <NationalIdField
        label={t('filings.wizard.applicant')}
        description={
          mode === 'counter'
            ? t('filings.wizard.applicantHint')
            : mode === 'self'
              ? t('filings.wizard.applicantSelf')
              : undefined
        }
        value={shownId}
        onChange={(v) => onChange(v)}
        readOnly={mode !== 'counter'}
        required
        serverError={serverError}
        data-testid="wizard-applicant-national-id"
      />
      {lookup.isFetching && !shownName ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('filings.wizard.applicantLooking')}</Text>
        </Group>
      ) : null}
      {shownName ? (
        <Text size="sm" fw={600} data-testid="wizard-applicant-name">
          {t('filings.wizard.applicantName', { name: shownName })}
        </Text>
      ) : null}
      {typed && unregistered ? (
        <Alert color="yellow" variant="light" data-testid="wizard-applicant-unregistered">
          {t('filings.wizard.applicantUnregistered')}
        </Alert>
      ) : null}
      {lookup.error && !unregistered ? <ProblemAlert error={lookup.error} /> : null}
    </Stack>
  );
}
