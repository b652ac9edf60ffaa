import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useLicence, type Licence, type LicenceDecision, type LicenceEvent } from '../api/licences';
import { ExpiryWithDaysLeft } from '../components/DaysLeft';
import { DecisionModal } from '../components/DecisionModal';
import { LicenceStatusBadge } from '../components/LicenceStatusBadge';
import { WidenLicenceForm } from '../components/WidenLicenceForm';

/** Which decisions the caller may take on the licence as it stands (the server checks again). */
function decisionsFor(licence: Licence, roles: string[]): LicenceDecision[] {
  const association = roles.includes('association_admin');
  const regulator = roles.includes('regulator_admin');
  if (licence.status === 'revoked') return [];
  const out: LicenceDecision[] = [];
  if (association) out.push('renew');
  if (association || regulator) {
    if (licence.status === 'suspended') out.push('reinstate');
    if (licence.effectiveStatus !== 'suspended') out.push('suspend');
    out.push('revoke');
  }
  return out;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function EventItem({ event }: { event: LicenceEvent }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const data = event.data ?? {};
  const until = typeof data.until === 'string' ? data.until : null;
  const expiresOn = typeof data.expiresOn === 'string' ? data.expiresOn : null;
  return (
    <Stack gap={2}>
      <Text size="sm">
        <JalaliDate value={event.at} withTime />
        {event.actor ? ` — ${event.actor.name}` : ` — ${t('licences.events.system')}`}
      </Text>
      {event.reason ? <Text size="sm">{t('licences.events.reason', { reason: event.reason })}</Text> : null}
      {event.kind === 'suspended' ? (
        <Text size="sm">
          {until ? (
            <>
              {t('licences.events.until')} <JalaliDate value={until} />
            </>
          ) : (
            t('licences.events.untilLifted')
          )}
        </Text>
      ) : null}
      {(event.kind === 'renewed' || event.kind === 'issued') && expiresOn ? (
        <Text size="sm">
          {t('licences.events.validUntil')} <JalaliDate value={expiresOn} />
        </Text>
      ) : null}
      {event.kind === 'reminded' && typeof data.daysLeft === 'number' ? (
        <Text size="sm">{t('licences.daysLeft', { count: data.daysLeft, formatted: digits(data.daysLeft) })}</Text>
      ) : null}
    </Stack>
  );
}

/** /licences/:id — one licence: holder, office, services, dates, history, and the decisions on it. */
export function LicencePage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { id } = useParams();
  const { user, hasRole } = useAuth();
  const query = useLicence(id);
  const [decision, setDecision] = useState<LicenceDecision | null>(null);
  const licence = query.data?.licence;
  // The server decides whose licence it is; the form is only offered to the role that may widen one.
  const mayWiden =
    !!licence &&
    licence.status !== 'revoked' &&
    licence.effectiveStatus !== 'expired' &&
    hasRole(...PERMISSIONS['licences.issue']);
  const decisions = licence
    ? decisionsFor(
        licence,
        (user?.roles ?? []).map((r) => r.role),
      )
    : [];

  return (
    <Stack>
      <PageTitle
        title={t('licences.one.title')}
        subtitle={licence ? <PersianDigits ltr>{licence.number}</PersianDigits> : undefined}
        actions={
          <Anchor component={Link} to="/licences">
            {t('licences.one.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={query.error} />
      {query.isPending ? <Text role="status">{t('common.loading')}</Text> : null}
      {licence && query.data ? (
        <>
          <Card withBorder data-testid="licence-card">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {licence.holder.firstName} {licence.holder.lastName}
              </Title>
              <LicenceStatusBadge status={licence.effectiveStatus} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Field label={t('licences.one.username')}>
                <bdi dir="ltr">{licence.holder.username}</bdi>
              </Field>
              <Field label={t('licences.nationalId')}>
                <PersianDigits ltr>{licence.holder.nationalId ?? '—'}</PersianDigits>
              </Field>
              <Field label={t('licences.columns.office')}>
                {lang === 'fa' ? licence.office.nameFa : licence.office.nameEn}
              </Field>
              <Field label={t('licences.one.issuedOn')}>
                <JalaliDate value={licence.issuedOn} />
              </Field>
              <Field label={t('licences.columns.expires')}>
                <ExpiryWithDaysLeft expiresOn={licence.expiresOn} daysLeft={licence.daysLeft} />
              </Field>
              {licence.statusReason ? (
                <Field label={t('licences.one.statusReason')}>
                  <span data-testid="licence-status-reason">{licence.statusReason}</span>
                  {licence.status === 'suspended' ? (
                    <Text size="sm">
                      {licence.suspendedUntil ? (
                        <>
                          {t('licences.events.until')} <JalaliDate value={licence.suspendedUntil} />
                        </>
                      ) : (
                        t('licences.events.untilLifted')
                      )}
                    </Text>
                  ) : null}
                </Field>
              ) : null}
            </SimpleGrid>
            {decisions.length ? (
              <Group mt="md" data-testid="licence-actions">
                {decisions.map((d) => (
                  <Button
                    key={d}
                    variant={d === 'revoke' || d === 'suspend' ? 'light' : 'filled'}
                    color={d === 'revoke' || d === 'suspend' ? 'red' : undefined}
                    onClick={() => setDecision(d)}
                    data-testid={`licence-${d}`}
                  >
                    {t(`licences.decisions.${d}.action`)}
                  </Button>
                ))}
              </Group>
            ) : null}
          </Card>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder component="section" aria-labelledby="licence-services">
              <Title order={2} size="h4" id="licence-services" mb="sm">
                {t('licences.one.services')}
              </Title>
              <List size="sm" data-testid="licence-services-list">
                {licence.services.map((s) => (
                  <List.Item key={s.code}>{lang === 'fa' ? s.nameFa : s.nameEn}</List.Item>
                ))}
              </List>
            </Card>
            <Card withBorder component="section" aria-labelledby="licence-history">
              <Title order={2} size="h4" id="licence-history" mb="sm">
                {t('licences.one.history')}
              </Title>
              <Timeline bulletSize={14} lineWidth={2} data-testid="licence-events">
                {query.data.events.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={
                      <Badge variant="light" color="gray">
                        {t(`licences.events.kind.${e.kind}`)}
                      </Badge>
                    }
                  >
                    <EventItem event={e} />
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </SimpleGrid>
          {mayWiden ? <WidenLicenceForm licence={licence} /> : null}
          <DecisionModal licence={licence} decision={decision} onClose={() => setDecision(null)} />
        </>
      ) : null}
    </Stack>
  );
}
