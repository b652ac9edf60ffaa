import '../i18n/index.ts';
import { Alert, Anchor, Badge, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { MissingDevicesAlert } from '#web/ui/MissingDevicesAlert.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { VideoTile } from '#web/ui/VideoTile.tsx';
import { useConsultationCall } from '../components/use-consultation-call';

/** /consultation/call/:id — a video consultation between its citizen and its consultant, peer to peer. */
export function ConsultationCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { call, localStream } = useConsultationCall(Number(id));
  const back = user?.roles.some((g) => g.role === 'consultant') ? '/consultation/sessions' : '/consultation/mine';
  const connected = call.connection === 'connected';
  return (
    <Stack>
      <PageTitle
        title={t('consultation.call.title')}
        actions={
          <Anchor component={Link} to={back} data-testid="call-leave">
            {t('consultation.call.leave')}
          </Anchor>
        }
      />
      <Group>
        <Badge
          color={connected ? 'green' : 'gray'}
          variant="light"
          data-testid="call-state"
          data-state={call.connection ?? 'waiting'}
        >
          {connected
            ? t('consultation.call.connected', { name: call.other?.name ?? '' })
            : call.other
              ? t('consultation.call.connecting', { name: call.other.name })
              : t('consultation.call.waiting')}
        </Badge>
      </Group>
      {call.error ? (
        <Alert color="red" variant="light" role="alert" data-testid="call-error">
          {t(`consultation.call.errors.${call.error === 'media' ? 'media' : 'refused'}`)}
        </Alert>
      ) : null}
      <MissingDevicesAlert stream={localStream} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {call.remote ? <VideoTile stream={call.remote} label={call.other?.name ?? ''} testId="call-remote" /> : null}
        {localStream ? (
          <VideoTile stream={localStream} label={t('consultation.call.you')} muted testId="call-local" />
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
