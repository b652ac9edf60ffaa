/**
 * Shared pieces of the benchmarks: the result line format, the quiet server they measure, closed- and
 * open-loop drivers with their percentiles, and closed-loop and paced HTTP load.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { loadConfig } from '#server/platform/config';
import { startServer } from '#server/server';

type GoalOp = '>=' | '<=' | '>' | '<';

export interface BenchLine {
  name: string;
  figures: Record<string, string | number>;
  ratio: number;
  goal: { op: GoalOp; value: number };
  /** Further goals the same run must meet (issue #14 sets two for some benchmarks), each a figure of the line. */
  alsoGoals?: { figure: string; value: number; op: GoalOp; goal: number }[];
}

function holds(value: number, op: GoalOp, goal: number): boolean {
  return op === '>=' ? value >= goal : op === '<=' ? value <= goal : op === '>' ? value > goal : value < goal;
}

/** `bench <name>: <figures> ratio=<x> goal <op><y>[ <figure><op><z>…]` — one line per benchmark, ours beside the reference. */
export function printBench(line: BenchLine): string {
  const figures = Object.entries(line.figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const also = line.alsoGoals ?? [];
  const met = holds(line.ratio, line.goal.op, line.goal.value) && also.every((g) => holds(g.value, g.op, g.goal));
  const goals = [`${line.goal.op}${line.goal.value}`, ...also.map((g) => `${g.figure}${g.op}${g.goal}`)].join(' ');
  const text = `bench ${line.name}: ${figures} ratio=${line.ratio.toFixed(3)} goal ${goals}${met ? '' : '  (goal missed)'}`;
  console.log(text);
  return text;
}

/** Runs `op` from `concurrency` loops for `seconds`; returns operations per second and latency percentiles. */
export async function loop(op: () => Promise<unknown>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
        count++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { opsPerSecond: count / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** HTTP load from a worker thread, so the load generator does not share the server's event loop. */
export async function httpLoad(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const result = await autocannon({ url, headers, connections, duration: seconds, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { opsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * The real server on a free port, quiet (errors only, no console notifier, no scheduled jobs), on
 * the database `env` names (`DATABASE_URL`, or a PGlite `DAFTAR_DATA_DIR`).
 */
export function startQuietServer(env: { DATABASE_URL?: string; DAFTAR_DATA_DIR?: string }) {
  const config = loadConfig({
    ...process.env,
    ...env,
    PORT: '0',
    LOG_LEVEL: 'error',
    DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_RUN_JOBS: '0',
  });
  return startServer(config);
}

/** The line of a benchmark that needs a dataset this run was not given (it is printed, and returned for the summary). */
export function skipped(name: string, why: string): string {
  const line = `bench ${name}: skipped (${why})`;
  console.log(line);
  return line;
}

/** One SQL statement with its parameters, as a use case issued it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements `run` issues through the drizzle database it is handed (one over `pool` that records them), to replay as the reference. */
export async function captureStatements(
  pool: pg.Pool,
  run: (db: NodePgDatabase) => Promise<unknown>,
): Promise<Statement[]> {
  const captured: Statement[] = [];
  await run(drizzle(pool, { logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }));
  return captured;
}

export interface Sample {
  opsPerSecond: number;
  p50: number;
  p99: number;
}

function percentiles(latencies: number[], seconds: number): Sample {
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { opsPerSecond: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/**
 * `concurrency` callers in a closed loop, each running the next request's statements; or (with
 * `rate`) requests started at a fixed overall rate, at most `concurrency` at a time, latency counted
 * from when each was due.
 */
export async function drive(
  op: (i: number) => Promise<unknown>,
  concurrency: number,
  seconds: number,
  rate?: number,
): Promise<Sample> {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  let i = 0;
  if (!rate) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await op(i++);
          latencies.push(performance.now() - t);
        }
      }),
    );
    return percentiles(latencies, (performance.now() - start) / 1000);
  }
  const pending: Promise<void>[] = [];
  let running = 0;
  const waiting: (() => void)[] = [];
  for (let k = 0; start + (k * 1000) / rate < until; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      (async () => {
        if (running >= concurrency) await new Promise<void>((r) => waiting.push(r));
        running++;
        try {
          await op(i++);
        } finally {
          running--;
          waiting.shift()?.();
        }
        latencies.push(performance.now() - due);
      })(),
    );
  }
  await Promise.all(pending);
  return percentiles(latencies, seconds);
}

/**
 * Closed-loop HTTP load: autocannon in a worker thread, every one of `connections` sending its next
 * GET as soon as it is answered. Each request is shaped by `setupRequest`, a `.cjs` file beside this
 * one that reads its data from the file named by the environment variable `dataFile.variable`.
 * Then it waits `settleMs` so that the requests still queued in the server at the deadline finish
 * before the next measurement starts.
 */
export async function closedLoopHttp(load: {
  url: string;
  setupRequest: string;
  dataFile: { variable: string; path: string };
  connections: number;
  seconds: number;
  settleMs: number;
}): Promise<Sample> {
  process.env[load.dataFile.variable] = load.dataFile.path;
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    workers: 1,
    duration: load.seconds,
    requests: [
      { method: 'GET', setupRequest: path.join(path.dirname(fileURLToPath(import.meta.url)), load.setupRequest) },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${load.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  await new Promise((r) => setTimeout(r, load.settleMs));
  return { opsPerSecond: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * Paced HTTP load from a worker thread: requests evenly spaced over up to `connections` keep-alive
 * connections (autocannon's overall rate sends each second's requests in a burst), each signed in
 * with one of `tokens`, over `paths` (or the worker's default path).
 */
export async function pacedHttp(load: {
  url: string;
  tokens: string[];
  paths?: string[];
  rate: number;
  seconds: number;
  connections: number;
}): Promise<Sample> {
  const worker = new Worker(new URL('./paced-http.worker.mjs', import.meta.url), { workerData: load });
  const result = await new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (result.failures > 0) throw new Error(`${load.url}: ${result.failures} failed requests`);
  return percentiles(result.latencies, load.seconds);
}
