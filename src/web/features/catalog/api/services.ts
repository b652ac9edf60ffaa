/**
 * The service catalog as every screen that names or picks services reads it: one query, cached
 * for a few minutes and shared between screens (the catalog changes rarely).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type CatalogService = CallResult<'catalog.services'>['items'][number];

const catalogServicesQuery = () =>
  queryOptions({
    queryKey: ['catalog', 'services'],
    queryFn: ({ signal }) => call('catalog.services', {}, { signal }),
    staleTime: 5 * 60_000,
  });

export const useCatalogServices = () => useQuery(catalogServicesQuery());

/** Services an office may perform (and be granted a competency for): those whose channel policy includes the office. */
export const useOfficeServices = () =>
  useQuery({ ...catalogServicesQuery(), select: (d) => d.items.filter((s) => s.channels !== 'online') });

/** Filings a citizen may make online themselves: those whose channel policy includes online. */
export const useOnlineFilingServices = () =>
  useQuery({
    ...catalogServicesQuery(),
    select: (d) => d.items.filter((s) => s.kind === 'filing' && s.channels !== 'office'),
  });
