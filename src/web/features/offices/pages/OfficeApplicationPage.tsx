/** /office-applications/:id — one application: the founder, qualifications and place; the association's review and the regulator's decision. */
import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useApplication, useDecideApplication, useReviewApplication } from '../api/applications';
import { hasRole, isRegulator } from '../components/office-access';
import { APPLICATION_STATUS_COLOR } from './ApplyOfficePage';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

export function OfficeApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const query = useApplication(id);
  const review = useReviewApplication(id);
  const decide = useDecideApplication(id);
  const [note, setNote] = useState('');
  const a = query.data;
  if (!a) return query.error ? <ProblemAlert error={query.error} /> : <Text>{t('common.loading')}</Text>;

  const mayReview = a.status === 'submitted' && hasRole(user, 'association_admin');
  const mayDecide = (a.status === 'recommended' || a.status === 'not-recommended') && isRegulator(user);
  const done = (key: string) => () => {
    setNote('');
    notifications.show({ color: 'teal', message: t(key), closeButtonProps: { 'aria-label': t('common.close') } });
  };

  return (
    <Stack maw={980}>
      <PageTitle
        title={a.proposedNameFa}
        subtitle={
          <>
            {t('offices.applications.columns.id')} <PersianDigits ltr>{a.id}</PersianDigits> —{' '}
            <JalaliDate value={a.createdAt} />
          </>
        }
        actions={
          <>
            <Badge
              size="lg"
              variant="light"
              color={APPLICATION_STATUS_COLOR[a.status]}
              data-testid="application-status"
            >
              {t(`offices.applications.status.${a.status}`)}
            </Badge>
            <Anchor component={Link} to="/office-applications">
              {t('offices.applications.back')}
            </Anchor>
          </>
        }
      />
      {a.office ? (
        <Card withBorder bg="var(--mantine-color-green-light)" data-testid="application-office">
          <Text>
            {t('offices.applications.licensed')}{' '}
            <Anchor component={Link} to={`/offices/${a.office.id}`}>
              <PersianDigits ltr>{a.office.code}</PersianDigits>
            </Anchor>
          </Text>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('offices.apply.founder')}
          </Title>
          <SimpleGrid cols={2}>
            <Fact label={t('offices.applications.columns.founder')}>
              {a.founder.firstName} {a.founder.lastName}
            </Fact>
            <Fact label={t('ui.nationalId.label')}>
              <PersianDigits ltr>{a.founder.nationalId}</PersianDigits>
            </Fact>
            <Fact label={t('ui.mobile.label')}>
              <PersianDigits ltr>{a.founder.mobile}</PersianDigits>
            </Fact>
            <Fact label={t('offices.applications.filedBy')}>
              {t(a.filedByFounder ? 'offices.applications.byFounder' : 'offices.applications.byAssociation')}
            </Fact>
            <Fact label={t('offices.apply.degreeLevel')}>{t(`offices.degreeLevels.${a.degreeLevel}`)}</Fact>
            <Fact label={t('offices.apply.degreeField')}>{t(`offices.degreeFields.${a.degreeField}`)}</Fact>
            <Fact label={t('offices.apply.university')}>{a.university ?? '—'}</Fact>
            <Fact label={t('offices.apply.graduationYear')}>{a.graduationYear ? digits(a.graduationYear) : '—'}</Fact>
            <Fact label={t('offices.apply.experienceYears')}>{digits(a.experienceYears)}</Fact>
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('offices.apply.place')}
          </Title>
          <SimpleGrid cols={2}>
            <Fact label={t('offices.list.columns.province')}>{text(a.province.name)}</Fact>
            <Fact label={t('offices.list.columns.city')}>{text(a.city.name)}</Fact>
            <Fact label={t('offices.list.columns.address')}>
              <PersianDigits>{a.address}</PersianDigits>
            </Fact>
            <Fact label={t('offices.detail.location')}>
              {a.location ? <bdi dir="ltr">{digits(`${a.location.lat}, ${a.location.lon}`)}</bdi> : '—'}
            </Fact>
            <Fact label={t('offices.apply.plannedCounters')}>{digits(a.plannedCounters)}</Fact>
            <Fact label={t('offices.apply.plannedHearingBooths')}>{digits(a.plannedHearingBooths)}</Fact>
          </SimpleGrid>
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('offices.applications.steps')}
        </Title>
        <Stack gap="xs">
          <Text>
            {t('offices.applications.review')}:{' '}
            {a.review ? (
              <>
                {a.review.by} — <JalaliDate value={a.review.at} />
                {a.review.note ? ` — ${a.review.note}` : ''}
              </>
            ) : (
              t('offices.applications.pending')
            )}
          </Text>
          <Text>
            {t('offices.applications.decision')}:{' '}
            {a.decision ? (
              <>
                {a.decision.by} — <JalaliDate value={a.decision.at} />
                {a.decision.note ? ` — ${a.decision.note}` : ''}
              </>
            ) : (
              t('offices.applications.pending')
            )}
          </Text>
        </Stack>
      </Card>

      {mayReview || mayDecide ? (
        <Card withBorder data-testid="application-actions">
          <Stack>
            <Textarea
              label={t('offices.applications.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="application-note"
            />
            <ProblemAlert error={review.error ?? decide.error} />
            {mayReview ? (
              <Group>
                <Button
                  color="teal"
                  loading={review.isPending}
                  onClick={() =>
                    review.mutate(
                      { recommend: true, note: note.trim() || undefined },
                      { onSuccess: done('offices.applications.reviewed') },
                    )
                  }
                  data-testid="application-recommend"
                >
                  {t('offices.applications.recommend')}
                </Button>
                <Button
                  color="orange"
                  variant="light"
                  loading={review.isPending}
                  onClick={() =>
                    review.mutate(
                      { recommend: false, note: note.trim() || undefined },
                      { onSuccess: done('offices.applications.reviewed') },
                    )
                  }
                >
                  {t('offices.applications.notRecommend')}
                </Button>
              </Group>
            ) : null}
            {mayDecide ? (
              <Group>
                <Button
                  color="green"
                  loading={decide.isPending}
                  onClick={() =>
                    decide.mutate(
                      { approve: true, note: note.trim() || undefined },
                      { onSuccess: done('offices.applications.approvedNote') },
                    )
                  }
                  data-testid="application-approve"
                >
                  {t('offices.applications.approve')}
                </Button>
                <Button
                  color="red"
                  variant="light"
                  loading={decide.isPending}
                  onClick={() =>
                    decide.mutate(
                      { approve: false, note: note.trim() || undefined },
                      { onSuccess: done('offices.applications.rejectedNote') },
                    )
                  }
                >
                  {t('offices.applications.reject')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
