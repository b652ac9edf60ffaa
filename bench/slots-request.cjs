// autocannon setupRequest for consultation-slots (runs in autocannon's worker thread): each request asks
// for the next consultant's free slots, in turn. The paths are in a file named by the environment.
const fs = require('node:fs');
const paths = fs.readFileSync(process.env.BENCH_SLOTS_PATHS, 'utf8').split('\n').filter(Boolean);
let next = 0;

module.exports = function setupRequest(request) {
  return { ...request, path: paths[next++ % paths.length] };
};
