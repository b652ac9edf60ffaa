import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Check, CheckStatus, useSelfTest } from './use-self-test';

const COLOR: Record<CheckStatus, string> = {
  idle: 'gray',
  running: 'blue',
  asking: 'blue',
  ok: 'green',
  slow: 'yellow',
  silent: 'yellow',
  fail: 'red',
};

function CheckCard({ name, check, children }: { name: string; check: Check; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={`check-${name}`} data-status={check.status}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t(`hearings.selfTest.${name}`)}
        </Title>
        <Badge color={COLOR[check.status]} variant="light">
          {t(`hearings.selfTest.status.${check.status}`)}
        </Badge>
      </Group>
      {children}
      {check.status === 'fail' && check.problem && (
        <Alert color="red" mt="xs" data-testid={`advice-${name}`}>
          {t(`hearings.selfTest.advice.${check.problem}`)}
        </Alert>
      )}
    </Card>
  );
}

/** The self-test's four checks as cards, with what to do when one fails: a participant's own device, or an office's booth. */
export function SelfTestChecks({
  test,
  readyKey = 'hearings.selfTest.ready',
}: {
  test: ReturnType<typeof useSelfTest>;
  /** What all four checks passing means here: a participant may join; a booth's device is ready to record. */
  readyKey?: 'hearings.selfTest.ready' | 'hearings.boothCheck.ready';
}) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = test.cameraStream;
  }, [test.cameraStream]);
  const started = test.connection.status !== 'idle';
  const all = [test.camera, test.microphone, test.speaker, test.connection];
  return (
    <>
      {all.every((c) => c.status === 'ok') && (
        <Alert color="green" data-testid="self-test-ready">
          {t(readyKey)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CheckCard name="camera" check={test.camera}>
          <video
            ref={video}
            autoPlay
            playsInline
            muted
            aria-label={t('hearings.selfTest.preview')}
            onLoadedData={(e) => {
              if (e.currentTarget.videoWidth > 0) test.pictureShown();
            }}
            style={{ width: '100%', maxWidth: 320, background: '#222', display: test.cameraStream ? 'block' : 'none' }}
          />
          {test.camera.status === 'ok' && <Text size="sm">{t('hearings.selfTest.cameraOk')}</Text>}
        </CheckCard>
        <CheckCard name="microphone" check={test.microphone}>
          <Progress
            value={Math.round(test.micLevel * 100)}
            color={test.microphone.status === 'ok' ? 'green' : 'blue'}
            aria-label={t('hearings.selfTest.level')}
            transitionDuration={100}
          />
          <Text size="sm" mt="xs">
            {test.microphone.status === 'silent' ? t('hearings.selfTest.silent') : t('hearings.selfTest.speak')}
          </Text>
        </CheckCard>
        <CheckCard name="speaker" check={test.speaker}>
          <Group>
            <Button size="xs" variant="light" onClick={test.playTone} disabled={!started} data-testid="play-tone">
              {t('hearings.selfTest.playTone')}
            </Button>
            {test.speaker.status === 'asking' && (
              <>
                <Button
                  size="xs"
                  color="green"
                  variant="light"
                  onClick={() => test.heard(true)}
                  data-testid="speaker-heard"
                >
                  {t('hearings.selfTest.heard')}
                </Button>
                <Button size="xs" color="red" variant="light" onClick={() => test.heard(false)}>
                  {t('hearings.selfTest.notHeard')}
                </Button>
              </>
            )}
          </Group>
          {test.speaker.status === 'fail' && (
            <Alert color="red" mt="xs" data-testid="advice-speaker">
              {t('hearings.selfTest.advice.speaker')}
            </Alert>
          )}
        </CheckCard>
        <CheckCard name="connection" check={test.connection}>
          {test.connection.ms != null && (
            <Text size="sm" data-testid="round-trip">
              {t('hearings.selfTest.roundTrip', { ms: digits(test.connection.ms) })}
            </Text>
          )}
          {test.connection.status === 'slow' && (
            <Alert color="yellow" mt="xs">
              {t('hearings.selfTest.advice.slow')}
            </Alert>
          )}
          {test.connection.status === 'fail' && (
            <Alert color="red" mt="xs" data-testid="advice-connection">
              {t('hearings.selfTest.advice.offline')}
            </Alert>
          )}
        </CheckCard>
      </SimpleGrid>
    </>
  );
}
