import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * A segmented control whose options stack, one under another and the full width, on a phone: a
 * row of three or more Persian labels is wider than 360 px, and a segmented control never wraps,
 * so it pushed the whole page sideways (the map's colouring, the application queues).
 */
export function Choices(props: SegmentedControlProps) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return phone ? <SegmentedControl {...props} orientation="vertical" fullWidth /> : <SegmentedControl {...props} />;
}
