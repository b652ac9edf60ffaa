/** The public deadline calculator: no sign-in, like the fee quote. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { computeDeadlineBody, deadlineResultSchema, publicRulesResponse } from './deadline-schemas';
import { computeDeadline, publicRules } from './deadlines';

const tags = ['notices'];

export function deadlineRoutes(app: Api, ctx: AppContext) {
  app.post(
    '/v1/deadlines/compute',
    {
      schema: {
        tags,
        summary: 'The last day to act on a limit that runs from a notice, counted as the law counts it (public)',
        description:
          'A free limit (Art. 445: neither the day of the notice nor the day of the action counts) in days, weeks, months of 30 days or years (Art. 443), or the limit of a kind of notice (two months for a party abroad, Arts. 446–447); the last day moves off Fridays and official holidays (Art. 444). Every closed day stepped over is listed, and any lunar holiday relied on that an admin has not yet confirmed against the official calendar.',
        body: computeDeadlineBody,
        response: { 200: deadlineResultSchema, ...problems(400, 422) },
      },
    },
    async (req) => computeDeadline(ctx, req.body),
  );

  app.get(
    '/v1/deadlines/rules',
    {
      schema: {
        tags,
        summary: 'The limit that runs from each kind of notice, with its legal source (public)',
        response: { 200: publicRulesResponse },
      },
    },
    async () => publicRules(ctx),
  );
}
