/** Office and online records per Jalali month and service, and per province. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type ChannelShare = CallResult<'tariffs.channelShare'>;

type ShareQuery = CallInput<'tariffs.channelShare'>['query'];
/** The page's filter: the contract's query, where "no province" and "every service" are null. */
export type ChannelShareFilter = Omit<ShareQuery, 'provinceId' | 'service'> & {
  provinceId?: number | null;
  service?: string | null;
};

const channelShareQueryOptions = (filter: ChannelShareFilter) =>
  queryOptions({
    queryKey: ['channels', 'share', filter],
    queryFn: ({ signal }) =>
      call(
        'tariffs.channelShare',
        { query: { ...filter, provinceId: filter.provinceId ?? undefined, service: filter.service ?? undefined } },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

export const useChannelShare = (filter: ChannelShareFilter) => useQuery(channelShareQueryOptions(filter));
