import { Card, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * One person's picture in a call, named under it: the hearing room's tiles and the consultation
 * call's. `muted` for one's own picture (no echo of one's own microphone).
 */
export function VideoTile({
  stream,
  label,
  muted = false,
  testId,
}: {
  stream: MediaStream;
  label: string;
  muted?: boolean;
  testId: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <Card withBorder padding="xs" data-testid={testId}>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={muted}
        aria-label={label}
        style={{ width: '100%', aspectRatio: '4 / 3', background: '#222' }}
      />
      <Text size="sm">{label}</Text>
    </Card>
  );
}
