import '../i18n/index.ts';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useHearing } from '../api/hearings';
import { SelfTestChecks } from '../components/SelfTestChecks';
import { useSelfTest } from '../components/use-self-test';

/** /hearings/:id/self-test — before joining, a participant checks their camera, microphone, speaker and connection. */
export function SelfTestPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const { id = '' } = useParams();
  const hearingId = Number(id);
  const hearing = useHearing(hearingId);
  const test = useSelfTest(`/api/v1/hearings/${hearingId}/signal-check`);
  const h = hearing.data;
  if (!h) return <ProblemAlert error={hearing.error} />;
  const started = test.connection.status !== 'idle';
  return (
    <Stack>
      <PageTitle
        title={t('hearings.selfTest.title')}
        subtitle={
          <Group gap="xs">
            <RefNumber value={h.case.caseNumber} />
            <span>{text(h.case.court.name)}</span>
            <JalaliDate value={h.startsAt} withTime />
          </Group>
        }
      />
      <Text>{t('hearings.selfTest.intro')}</Text>
      <Group>
        <Button onClick={test.start} data-testid="self-test-start">
          {started ? t('hearings.selfTest.again') : t('hearings.selfTest.start')}
        </Button>
        <Anchor component={Link} to={`/hearings/${hearingId}`}>
          {t('hearings.selfTest.back')}
        </Anchor>
      </Group>
      <SelfTestChecks test={test} />
    </Stack>
  );
}
