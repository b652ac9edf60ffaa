/** The score's weight sets: the one in force and those published; publishing a new set from a coming month. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type WeightSets = CallResult<'quality.weights'>;
type WeightSetBody = CallInput<'quality.publishWeights'>['body'];

const weightsQueryOptions = () =>
  queryOptions({
    queryKey: ['quality', 'weights'],
    queryFn: ({ signal }) => call('quality.weights', {}, { signal }),
  });

export const useWeightSets = () => useQuery(weightsQueryOptions());

export function usePublishWeights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WeightSetBody) => call('quality.publishWeights', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quality'] }),
  });
}
