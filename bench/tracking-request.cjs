// autocannon setupRequest for tracking-page (runs in autocannon's worker thread): each request comes
// from the next of many signed-in citizens, in turn. Their session tokens are in a file named by the environment.
const fs = require('node:fs');
const tokens = fs.readFileSync(process.env.BENCH_TRACKING_TOKENS, 'utf8').split('\n').filter(Boolean);
let next = 0;

module.exports = function setupRequest(request) {
  const token = tokens[next++ % tokens.length];
  return { ...request, headers: { ...request.headers, cookie: `daftar_session=${token}` } };
};
