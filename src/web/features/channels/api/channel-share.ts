/** Office and online records per Jalali month and service, and per province. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { channelShareSchema } from '#server/modules/tariffs/schemas';
import { api } from '#web/app/api-client.ts';

export type ChannelShare = z.infer<typeof channelShareSchema>;

export interface ChannelShareFilter {
  fromMonth?: string;
  toMonth?: string;
  provinceId?: number | null;
  service?: string | null;
}

export const channelShareQueryOptions = (filter: ChannelShareFilter) =>
  queryOptions({
    queryKey: ['channels', 'share', filter],
    queryFn: ({ signal }) => api<ChannelShare>('/api/v1/stats/channel-share', { params: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });

export const useChannelShare = (filter: ChannelShareFilter) => useQuery(channelShareQueryOptions(filter));
