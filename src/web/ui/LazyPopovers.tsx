/**
 * Mantine's Select and Tooltip fetched after the page's first render, for pages whose first paint
 * must stay light (the counter): the page renders at once, the floating-ui chunk follows.
 * - LazySelect shows a read-only text field with the same label until the Select arrives.
 * - LazyTooltip shows its child alone until the Tooltip arrives (the child keeps its aria-label).
 */
import { TextInput, type SelectProps, type TooltipProps } from '@mantine/core';
import { lazy, Suspense } from 'react';

const loadPopovers = () => import('./lazy/popovers.ts');
const SelectChunk = lazy(async () => ({
  default: (await loadPopovers()).Select as (props: SelectProps) => React.ReactNode,
}));
const TooltipChunk = lazy(async () => ({ default: (await loadPopovers()).Tooltip }));

export function LazySelect(props: SelectProps) {
  const { label, placeholder, style, w, size } = props;
  return (
    <Suspense fallback={<TextInput label={label} placeholder={placeholder} style={style} w={w} size={size} readOnly />}>
      <SelectChunk {...props} />
    </Suspense>
  );
}

export function LazyTooltip(props: TooltipProps) {
  return (
    <Suspense fallback={props.children}>
      <TooltipChunk {...props} />
    </Suspense>
  );
}
