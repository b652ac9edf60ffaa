/** Finding a consultant and their free slots (public reads). */
import { queryOptions } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type ConsultantCard = CallResult<'consultation.consultants'>['items'][number];
export type Slot = CallResult<'consultation.slots'>['items'][number];
type SlotsQuery = CallInput<'consultation.slots'>['query'];

export const consultantsQueryOptions = (field: string | null) =>
  queryOptions({
    queryKey: ['consultation', 'consultants', field],
    queryFn: ({ signal }) =>
      call(
        'consultation.consultants',
        {
          query: field ? { field: field as NonNullable<CallInput<'consultation.consultants'>['query']['field']> } : {},
        },
        { signal },
      ),
  });

export const slotsQueryOptions = (id: number, query: SlotsQuery) =>
  queryOptions({
    queryKey: ['consultation', 'slots', id, query],
    queryFn: ({ signal }) => call('consultation.slots', { params: { id }, query }, { signal }),
  });
