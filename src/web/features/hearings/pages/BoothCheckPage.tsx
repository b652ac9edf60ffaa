import '../i18n/index.ts';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type BoothCheckInput, useRecordBoothCheck } from '../api/hearings';
import { SelfTestChecks } from '../components/SelfTestChecks';
import { type Check, useSelfTest } from '../components/use-self-test';

/** What the four checks ended as, once each has ended (the speaker's once the operator says whether they heard the tone). */
function finalResult(test: ReturnType<typeof useSelfTest>): BoothCheckInput | null {
  const done = (c: Check, ends: string[]) => ends.includes(c.status);
  if (
    !done(test.camera, ['ok', 'fail']) ||
    !done(test.microphone, ['ok', 'silent', 'fail']) ||
    !done(test.speaker, ['ok', 'fail']) ||
    !done(test.connection, ['ok', 'slow', 'fail'])
  )
    return null;
  return {
    camera: test.camera.status as BoothCheckInput['camera'],
    microphone: test.microphone.status as BoothCheckInput['microphone'],
    speaker: test.speaker.status as BoothCheckInput['speaker'],
    connection: test.connection.status as BoothCheckInput['connection'],
    ...(test.connection.ms != null ? { roundTripMs: test.connection.ms } : {}),
  };
}

/** /hearings/booths/:boothNo/check — the office checks a booth's device the day before its hearings, and records the result. */
export function BoothCheckPage() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const { boothNo = '' } = useParams();
  const [search] = useSearchParams();
  const { user } = useAuth();
  const officeId =
    user?.roles.find((g) => (g.role === 'operator' || g.role === 'office_manager') && g.scope.officeId)?.scope
      .officeId ?? null;
  const booth = Number(boothNo);
  const test = useSelfTest(`/api/v1/offices/${officeId}/hearing-booths/signal-check`);
  const record = useRecordBoothCheck(officeId, booth);
  const result = finalResult(test);
  const back = `/hearings/booths${search.get('date') ? `?date=${encodeURIComponent(search.get('date')!)}` : ''}`;
  const started = test.connection.status !== 'idle';
  const saved = record.data;
  return (
    <Stack>
      <PageTitle title={t('hearings.boothCheck.title', { n: digits(booth) })} />
      <Text>{t('hearings.boothCheck.intro')}</Text>
      <Group>
        <Button onClick={test.start} data-testid="self-test-start">
          {started ? t('hearings.selfTest.again') : t('hearings.selfTest.start')}
        </Button>
        <Anchor component={Link} to={back}>
          {t('hearings.boothCheck.back')}
        </Anchor>
      </Group>
      <SelfTestChecks test={test} readyKey="hearings.boothCheck.ready" />
      {!result && started ? <Text c="dimmed">{t('hearings.boothCheck.waiting')}</Text> : null}
      <Group>
        <Button
          onClick={() => result && record.mutate(result)}
          disabled={!result}
          loading={record.isPending}
          data-testid="booth-check-record"
        >
          {t('hearings.boothCheck.record')}
        </Button>
      </Group>
      <ProblemAlert error={record.error} />
      {saved ? (
        <Alert color={saved.passed ? 'green' : 'red'} data-testid="booth-check-saved" data-passed={saved.passed}>
          {saved.passed
            ? t('hearings.boothCheck.savedPassed')
            : t('hearings.boothCheck.savedFailed', {
                checks: saved.failed.map((c) => t(`hearings.selfTest.${c}`)).join(t('hearings.boothCheck.and')),
              })}{' '}
          <Anchor component={Link} to={back}>
            {t('hearings.boothCheck.back')}
          </Anchor>
        </Alert>
      ) : null}
    </Stack>
  );
}
