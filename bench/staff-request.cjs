// autocannon setupRequest for staff-list (runs in autocannon's worker thread): each request is the
// next of the mix of registry queries, in turn, with the one signed-in session. The paths and the
// session token are in a file named by the environment.
const fs = require('node:fs');
const { token, paths } = JSON.parse(fs.readFileSync(process.env.BENCH_STAFF_REQUESTS, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  return {
    ...request,
    path: paths[next++ % paths.length],
    headers: { ...request.headers, cookie: `daftar_session=${token}` },
  };
};
