/** Channel policy of every service with its fee per channel, and the regulator's change to it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type ChannelPolicy = CallResult<'tariffs.changeChannelPolicy'>;
export type ChannelPolicyInput = CallInput<'tariffs.changeChannelPolicy'>['body'];
export type Channels = ChannelPolicy['channels'];

const channelPoliciesQueryOptions = () =>
  queryOptions({
    queryKey: ['channels', 'policies'],
    queryFn: ({ signal }) => call('tariffs.channelPolicies', {}, { signal }),
  });

export const useChannelPolicies = () => useQuery(channelPoliciesQueryOptions());

export function useChangeChannelPolicy(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelPolicyInput) => call('tariffs.changeChannelPolicy', { params: { code }, body }),
    // The catalog answers every screen that names services: refresh it with the policies.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['channels'] }),
        queryClient.invalidateQueries({ queryKey: ['catalog'] }),
      ]),
  });
}
