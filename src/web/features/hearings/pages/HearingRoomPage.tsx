import '../i18n/index.ts';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { VideoTile } from '#web/ui/VideoTile.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { MissingDevicesAlert } from '#web/ui/MissingDevicesAlert.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { type HearingTransition, useHearing, useSaveMinutes, useTransition } from '../api/hearings';
import { type RoomPeer, useHearingRoom } from '../components/use-hearing-room';
import { BoothCheckBadge } from '../components/BoothCheckBadge';

const NEXT: Record<string, HearingTransition[]> = {
  scheduled: ['open'],
  waiting: ['start'],
  in_session: ['pause', 'adjourn', 'close'],
  paused: ['resume', 'adjourn', 'close'],
};
const ROOM_OPEN = new Set(['waiting', 'in_session', 'paused']);

/** /hearings/:id — the waiting room, the video tiles of the same room, the judge's controls and the clerk's minutes. */
export function HearingRoomPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { id = '' } = useParams();
  const hearingId = Number(id);
  const hearing = useHearing(hearingId);
  const transition = useTransition(hearingId);
  const saveMinutes = useSaveMinutes(hearingId);
  const h = hearing.data;
  const open = !!h && ROOM_OPEN.has(h.state);
  const { room, localStream, command, raiseHand, unmute, connectAgain } = useHearingRoom(hearingId, open);
  const [minutes, setMinutes] = useState<string | null>(null);
  const state = room.hearingState ?? h?.state;
  useEffect(() => {
    if (state && state !== h?.state) void hearing.refetch();
  }, [state, h?.state, hearing]);
  if (!h) return <ProblemAlert error={hearing.error} />;
  const conducts = h.you.kind !== 'participant';
  const me = room.me;
  const mine = room.peers.find((p) => p.peerId === me?.peerId);
  const label = (p: RoomPeer) => `${p.name} — ${t(`hearings.roles.${p.role}`)}`;
  return (
    <Stack>
      <PageTitle
        title={t('hearings.room.title')}
        subtitle={
          <Group gap="xs">
            <RefNumber value={h.case.caseNumber} />
            <span>{text(h.case.court.name)}</span>
            <JalaliDate value={h.startsAt} withTime />
          </Group>
        }
      />
      <Group>
        <Badge size="lg" data-testid="hearing-state" data-state={state}>
          {t(`hearings.states.${state}`)}
        </Badge>
        {conducts &&
          (NEXT[state ?? ''] ?? []).map((tr) => (
            <Button
              key={tr}
              size="xs"
              variant={tr === 'close' ? 'filled' : 'light'}
              color={tr === 'close' ? 'red' : undefined}
              loading={transition.isPending && transition.variables === tr}
              onClick={() => transition.mutate(tr)}
              data-testid={`transition-${tr}`}
            >
              {t(`hearings.transitions.${tr}`)}
            </Button>
          ))}
      </Group>
      <ProblemAlert error={transition.error} />
      {h.state === 'scheduled' && <Alert>{t('hearings.room.notOpen')}</Alert>}
      {h.state !== 'closed' && h.state !== 'adjourned' && (
        <Anchor component={Link} to={`/hearings/${hearingId}/self-test`} data-testid="self-test-link">
          {t('hearings.selfTest.link')}
        </Anchor>
      )}
      {h.you.checkInCode && h.participants.some((p) => p.id === h.you.participantId && p.mode === 'office') ? (
        <Alert color="blue" data-testid="check-in-code">
          {t('hearings.room.checkInCode', { code: digits(h.you.checkInCode) })}
        </Alert>
      ) : null}
      {h.participants.some((p) => p.checkIn) ? (
        <Stack gap={2} data-testid="check-ins">
          {h.participants.map((p) =>
            p.checkIn && p.office ? (
              <Text size="sm" key={p.id}>
                {p.name}: {t('hearings.room.checkedIn', { office: text(p.office.name), name: p.checkIn.by.name })}{' '}
                <JalaliDate value={p.checkIn.at} withTime />
              </Text>
            ) : null,
          )}
        </Stack>
      ) : null}
      {h.you.kind !== 'participant' && h.participants.some((p) => p.office && p.boothNo != null) ? (
        <Stack gap={2} data-testid="booth-checks">
          {h.participants.map((p) =>
            p.office && p.boothNo != null ? (
              <Group gap="xs" key={p.id} wrap="wrap">
                <Text size="sm">
                  {p.name}: {t('hearings.room.booth', { office: text(p.office.name), n: digits(p.boothNo) })}
                </Text>
                <BoothCheckBadge check={p.boothCheck} />
              </Group>
            ) : null,
          )}
        </Stack>
      ) : null}
      {(h.state === 'closed' || h.state === 'adjourned') && (
        <Alert color="gray" data-testid="hearing-ended">
          {t('hearings.room.ended')} {h.minutesNoticeId ? t('hearings.room.minutesPdf') : ''}
        </Alert>
      )}
      {room.error && (
        <Alert color="red" data-testid="room-error">
          {room.error === 'media'
            ? t('hearings.room.media')
            : room.error === 'sfu_unavailable'
              ? t('hearings.room.sfuUnavailable')
              : room.error}
          {room.error === 'sfu_unavailable' && (
            <Button size="xs" variant="subtle" onClick={connectAgain} data-testid="sfu-again">
              {t('hearings.room.sfuAgain')}
            </Button>
          )}
        </Alert>
      )}
      {open && <MissingDevicesAlert stream={localStream} />}
      {room.muted && (
        <Alert color="yellow" data-testid="muted">
          {t('hearings.room.muted')}{' '}
          <Button size="xs" variant="subtle" onClick={unmute}>
            {t('hearings.room.unmute')}
          </Button>
        </Alert>
      )}
      {open && mine?.state === 'waiting' && (
        <Alert data-testid="in-waiting-room">{t('hearings.room.waitingText')}</Alert>
      )}
      {open && mine?.state === 'consultation' && <Alert>{t('hearings.room.consultationText')}</Alert>}
      {open && (
        // Two pictures a row on a phone once there are more than two, so the controls stay within reach.
        <SimpleGrid cols={{ base: Object.keys(room.streams).length > 1 ? 2 : 1, sm: 2, md: 3 }}>
          {localStream && <VideoTile stream={localStream} label={t('hearings.room.you')} muted testId="tile-self" />}
          {Object.entries(room.streams).map(([peerId, stream]) => {
            const p = room.peers.find((x) => x.peerId === peerId);
            return <VideoTile key={peerId} stream={stream} label={p ? label(p) : peerId} testId={`tile-${peerId}`} />;
          })}
        </SimpleGrid>
      )}
      {open && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('hearings.room.present')}
          </Title>
          <Stack gap="xs" mt="xs">
            {room.peers.map((p) => (
              <Group key={p.peerId} justify="space-between" data-testid={`peer-${p.peerId}`} data-state={p.state}>
                <Group gap="xs">
                  <Text>{label(p)}</Text>
                  <Badge variant="light">{t(`hearings.participantStates.${p.state}`)}</Badge>
                  {p.hand && <Badge color="orange">{t('hearings.room.handRaised')}</Badge>}
                </Group>
                {conducts && p.participantId != null && (
                  <Group gap={4}>
                    {(['admit', 'to_consultation', 'from_consultation', 'mute', 'remove'] as const)
                      .filter((c) =>
                        c === 'admit'
                          ? p.state === 'waiting'
                          : c === 'to_consultation' || c === 'mute'
                            ? p.state === 'admitted'
                            : c === 'from_consultation'
                              ? p.state === 'consultation'
                              : p.state !== 'removed',
                      )
                      .map((c) => (
                        <Button
                          key={c}
                          size="compact-xs"
                          variant="light"
                          color={c === 'remove' ? 'red' : undefined}
                          onClick={() => command(c, p.participantId!)}
                          data-testid={`command-${c}-${p.participantId}`}
                        >
                          {t(`hearings.commands.${c}`)}
                        </Button>
                      ))}
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
          {!conducts && mine && (
            <Button mt="sm" size="xs" variant="light" onClick={() => raiseHand(!mine.hand)}>
              {mine.hand ? t('hearings.room.lowerHand') : t('hearings.room.raiseHand')}
            </Button>
          )}
        </Card>
      )}
      {h.you.kind === 'clerk' && h.minutes !== null && state !== 'closed' && state !== 'adjourned' && (
        <Card withBorder>
          <Textarea
            label={t('hearings.room.minutes')}
            autosize
            minRows={4}
            value={minutes ?? h.minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            data-testid="minutes"
          />
          <Group mt="xs">
            <Button
              size="xs"
              loading={saveMinutes.isPending}
              onClick={() => saveMinutes.mutate(minutes ?? h.minutes ?? '')}
              data-testid="save-minutes"
            >
              {t('hearings.room.saveMinutes')}
            </Button>
            {saveMinutes.isSuccess && <Text size="sm">{t('hearings.room.minutesSaved')}</Text>}
          </Group>
          <ProblemAlert error={saveMinutes.error} />
        </Card>
      )}
    </Stack>
  );
}
