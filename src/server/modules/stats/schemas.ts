/** Request and response shapes of the stats area. */
import { z } from 'zod';
import { localizedName } from '#server/platform/http/fields';

export const overviewSchema = z.object({
  offices: z.number().int(),
  staff: z.number().int(),
  citizens: z.number().int(),
  outboxPending: z.number().int(),
  scopeLabel: localizedName,
});
