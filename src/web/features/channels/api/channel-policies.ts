/** Channel policy of every service with its fee per channel, and the regulator's change to it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { channelPolicyBody, channelPolicySchema } from '#server/modules/tariffs/schemas';
import { api } from '#web/app/api-client.ts';

export type ChannelPolicy = z.infer<typeof channelPolicySchema>;
export type ChannelPolicyInput = z.input<typeof channelPolicyBody>;
export type Channels = ChannelPolicy['channels'];

export const channelPoliciesQueryOptions = () =>
  queryOptions({
    queryKey: ['channels', 'policies'],
    queryFn: ({ signal }) => api<{ items: ChannelPolicy[] }>('/api/v1/tariffs/channel-policies', { signal }),
  });

export const useChannelPolicies = () => useQuery(channelPoliciesQueryOptions());

export function useChangeChannelPolicy(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelPolicyInput) => api<ChannelPolicy>(`/api/v1/tariffs/channel-policies/${encodeURIComponent(code)}`, { method: 'PUT', body: input }),
    // The catalog answers every screen that names services: refresh it with the policies.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['channels'] }), queryClient.invalidateQueries({ queryKey: ['catalog'] })]),
  });
}
