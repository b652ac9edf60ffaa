import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOwnLicences, type OwnLicence } from '../api/licences';
import { ExpiryWithDaysLeft } from './DaysLeft';
import { LicenceStatusBadge } from './LicenceStatusBadge';

function OwnLicenceCard({ licence }: { licence: OwnLicence }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const ce = licence.continuingEducation;
  return (
    <Card withBorder data-testid="own-licence" data-licence-id={licence.id}>
      <Group justify="space-between" mb="sm">
        <Anchor component={Link} to={`/licences/${licence.id}`} fw={700} data-testid="own-licence-open">
          <PersianDigits ltr>{licence.number}</PersianDigits>
        </Anchor>
        <LicenceStatusBadge status={licence.effectiveStatus} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <div>
          <Text size="sm" c="dimmed">
            {t('licences.columns.office')}
          </Text>
          <Text>{lang === 'fa' ? licence.office.nameFa : licence.office.nameEn}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('licences.columns.expires')}
          </Text>
          <div data-testid="own-licence-expiry">
            <ExpiryWithDaysLeft expiresOn={licence.expiresOn} daysLeft={licence.daysLeft} />
          </div>
        </div>
        {licence.statusReason ? (
          <div>
            <Text size="sm" c="dimmed">
              {t('licences.one.statusReason')}
            </Text>
            <Text data-testid="own-licence-reason">{licence.statusReason}</Text>
          </div>
        ) : null}
        <div>
          <Text size="sm" c="dimmed">
            {t('licences.mine.services')}
          </Text>
          <Text size="sm">{licence.services.map((s) => (lang === 'fa' ? s.nameFa : s.nameEn)).join('، ')}</Text>
        </div>
      </SimpleGrid>
      <Stack gap={4} mt="md" data-testid="own-licence-ce">
        <Text size="sm">
          {t('licences.mine.ceHours', { hours: digits(ce.hours), required: digits(ce.requiredHours) })}{' '}
          <Text span size="sm" c="dimmed">
            ({t('licences.mine.ceSince')} <JalaliDate value={ce.since} />)
          </Text>
        </Text>
        <Progress
          value={Math.min(100, (ce.hours / ce.requiredHours) * 100)}
          color={ce.hours >= ce.requiredHours ? 'teal' : 'blue'}
          aria-label={t('licences.mine.ceProgress')}
        />
        <Text size="xs" c="dimmed">
          {ce.hours >= ce.requiredHours
            ? t('licences.mine.ceEnough')
            : t('licences.mine.ceMissing', { hours: digits(ce.requiredHours - ce.hours) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The signed-in staff member's own activity licences: status, expiry and continuing education towards renewal. */
export function OwnLicences({ withTitle = true }: { withTitle?: boolean }) {
  const { t } = useTranslation();
  const mine = useOwnLicences();
  return (
    <Stack data-testid="own-licences">
      {withTitle ? (
        <Title order={2} size="h4">
          {t('licences.mine.title')}
        </Title>
      ) : null}
      <ProblemAlert error={mine.error} />
      {mine.isPending ? <Text role="status">{t('common.loading')}</Text> : null}
      {mine.data && mine.data.items.length === 0 ? (
        <Text data-testid="own-licences-none">{t('licences.mine.none')}</Text>
      ) : null}
      {mine.data?.items.map((l) => (
        <OwnLicenceCard key={l.id} licence={l} />
      ))}
    </Stack>
  );
}
