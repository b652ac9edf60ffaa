// autocannon setupRequest for filing-submit (runs in autocannon's worker thread): each request submits
// the next prepared filing, with its own Idempotency-Key. The id range comes from the environment.
let next = Number(process.env.BENCH_SUBMIT_FIRST_ID);
const last = Number(process.env.BENCH_SUBMIT_LAST_ID);

module.exports = function setupRequest(request) {
  if (next > last) throw new Error('filing-submit: more requests than prepared filings');
  const id = next++;
  return {
    ...request,
    path: `/api/v1/filings/${id}/submit`,
    headers: { ...request.headers, 'idempotency-key': `bench-submit-${id}` },
  };
};
