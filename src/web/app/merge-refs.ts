/**
 * `useMergeRefs` as @floating-ui/react exports it (an array of refs in, one callback ref out),
 * on Mantine's own `useMergedRef`. Mantine's ScrollArea imports it from @floating-ui/react, which
 * would bring the whole positioning library (~15 KB gzipped) to every page with a Table (a Table's
 * scroll container is a ScrollArea); the build points that one import here (vite.config.ts).
 */
import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>): (node: T | null) => void {
  return useMergedRef<T>(...(refs as Ref<T>[]));
}
