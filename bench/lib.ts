/** Shared pieces of the benchmarks: the result line format and a fixed-duration concurrent loop. */
import autocannon from 'autocannon';

export interface BenchLine {
  name: string;
  figures: Record<string, string | number>;
  ratio: number;
  goal: { op: '>=' | '<=' | '>' | '<'; value: number };
}

/** `bench <name>: <figures> ratio=<x> goal <op><y>` — one line per benchmark, ours beside the reference. */
export function printBench(line: BenchLine): string {
  const figures = Object.entries(line.figures).map(([k, v]) => `${k}=${v}`).join(' ');
  const met = line.goal.op === '>=' ? line.ratio >= line.goal.value : line.goal.op === '<=' ? line.ratio <= line.goal.value
    : line.goal.op === '>' ? line.ratio > line.goal.value : line.ratio < line.goal.value;
  const text = `bench ${line.name}: ${figures} ratio=${line.ratio.toFixed(3)} goal ${line.goal.op}${line.goal.value}${met ? '' : '  (goal missed)'}`;
  console.log(text);
  return text;
}

/** Runs `op` from `concurrency` loops for `seconds`; returns operations per second and latency percentiles. */
export async function loop(op: () => Promise<unknown>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      await op();
      latencies.push(performance.now() - t);
      count++;
    }
  }));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { opsPerSecond: count / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** HTTP load from a worker thread, so the load generator does not share the server's event loop. */
export async function httpLoad(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const result = await autocannon({ url, headers, connections, duration: seconds, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { opsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}
