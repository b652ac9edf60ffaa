import './i18n/index.ts';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Tells a person in a call which of their devices is missing: a device with only a camera or only
 * a microphone takes part with it (ui/peer-mesh.ts `cameraAndMicrophone`), and without this they
 * would not know the others cannot hear or see them. Nothing while the stream is not yet there.
 */
export function MissingDevicesAlert({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation();
  if (!stream) return null;
  // Never both: a stream is there only when one of the two was given.
  const missing = !stream.getAudioTracks().length ? 'microphone' : !stream.getVideoTracks().length ? 'camera' : null;
  if (!missing) return null;
  return (
    <Alert color="yellow" variant="light" data-testid={`no-${missing}`}>
      {t(`calls.missing.${missing}`)} {t('calls.missing.then')}
    </Alert>
  );
}
