/** Authorization matrix rows of tariff schedules (drafts, indexation, approval) (see ../matrix.int.test.ts for how cells are read). */
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { TEST_TODAY } from '../../support/test-clock';
import { D, N, ok, U, type MatrixContext, type Operation, op, type Outcome } from '../kit';

export function scheduleRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);
  const seeded = async () =>
    Number((await q<{ id: number }>("select id from tariff_schedules where code = '1403'"))[0].id);
  /** Far in the future, a different day per cell, so approvals never overlap each other. */
  const startOn = (offset: number) => formatJalaliIso(isoToJalali(addDaysIso(TEST_TODAY, 3_000 + offset)));
  let drafts = 0;
  /** A fresh complete draft by the national association (copied from the schedule in force). */
  async function draft(): Promise<number> {
    drafts += 1;
    const res = await ctx.as('association').request({
      method: 'POST',
      url: '/api/v1/tariffs/schedules',
      keepCookies: false,
      body: {
        code: `matrix-${drafts}`,
        titleFa: 'پیش‌نویس آزمون',
        titleEn: 'Matrix draft',
        effectiveFrom: startOn(drafts),
        source: 'matrix test draft',
      },
    });
    if (res.statusCode !== 201) throw new Error(`could not draft: ${res.body}`);
    return res.json().id as number;
  }
  let shared: Promise<number> | undefined;
  const sharedDraft = () => (shared ??= draft());

  //                                anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
  const DRAFT_READERS: Outcome[] = [N, N, N, N, N, N, N, N, ok, ok, ok, ok, N, N, N, N, N, ok];
  const DRAFTERS: Outcome[] = [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D];

  return {
    [op('tariffs.schedule')]: {
      note: 'a draft schedule (oversight only; not revealed to others)',
      request: async () => ({ method: 'GET', url: `/api/v1/tariffs/schedules/${await sharedDraft()}` }),
      expected: DRAFT_READERS,
    },
    [op('tariffs.scheduleChanges')]: {
      note: "a draft's line changes against the schedule in force",
      request: async () => ({ method: 'GET', url: `/api/v1/tariffs/schedules/${await sharedDraft()}/changes` }),
      expected: DRAFT_READERS,
    },
    [op('tariffs.createDraft')]: {
      note: 'draft a schedule copied from the one in force (national association or regulator)',
      request: (_a, i) => ({
        method: 'POST',
        url: '/api/v1/tariffs/schedules',
        body: {
          code: `matrix-new-${i}`,
          titleFa: 'پیش‌نویس آزمون',
          titleEn: 'Matrix draft',
          effectiveFrom: startOn(500 + i),
          source: 'matrix test draft',
        },
      }),
      expected: DRAFTERS,
    },
    [op('tariffs.editDraft')]: {
      note: "edit a draft's note",
      request: async (_a, i) => ({
        method: 'PATCH',
        url: `/api/v1/tariffs/schedules/${await sharedDraft()}`,
        body: { note: `یادداشت ${i}` },
      }),
      expected: DRAFTERS,
    },
    [op('tariffs.deleteDraft')]: {
      note: 'delete a draft (a fresh one per actor)',
      request: async () => ({ method: 'DELETE', url: `/api/v1/tariffs/schedules/${await draft()}` }),
      expected: DRAFTERS,
    },
    [op('tariffs.approve')]: {
      note: "approve the association's draft (a fresh one per actor; the regulator only)",
      request: async () => ({ method: 'POST', url: `/api/v1/tariffs/schedules/${await draft()}/approve` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('tariffs.indexationPreview')]: {
      note: 'preview a 10 % indexation of the 1403 schedule (writes nothing)',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/tariffs/indexation-preview',
        body: { basedOnId: await seeded(), ratePercent: 10 },
      }),
      expected: DRAFTERS,
    },
  };
}
