import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

export function useAcceptFiling(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (branch: number) => call('court.accept', { params: { id }, body: { branch } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court'] }),
  });
}

export function useReturnFiling(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reasons: string) => call('court.return', { params: { id }, body: { reasons } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['court'] }),
  });
}
