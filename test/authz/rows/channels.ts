/** Authorization matrix rows of channel policy and channel share (see ../matrix.int.test.ts for how cells are read). */
import { A, D, F, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function channelRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('tariffs.channelPolicies')]: {
      note: "every service's channel policy and its fee per channel (public information)",
      request: () => ({ method: 'GET', url: '/api/v1/tariffs/channel-policies' }),
      expected: PUBLIC,
    },
    [op('tariffs.changeChannelPolicy')]: {
      note: "set a service's channel policy to what it already is (past authorization: refused as unchanged, nothing written)",
      request: () => ({
        method: 'PUT',
        url: '/api/v1/tariffs/channel-policies/petition',
        body: { channels: 'office', reason: 'بررسی دسترسی' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, A, D, D, D, D, D, D],
    },
    [op('tariffs.channelShare')]: {
      note: "channel share per month and province (a province's association and inspector: their province only)",
      request: () => ({ method: 'GET', url: '/api/v1/stats/channel-share' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F],
    },
  };
}
