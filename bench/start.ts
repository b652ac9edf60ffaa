/**
 * start: how long `npm start` takes to answer `GET /api/health`, from spawning the command to the
 * first healthy answer, in a temporary data folder on the embedded PGlite.
 *
 * - `first`: an empty folder — the cluster is created, migrated and loaded with the demo data. The
 *   web UI and the server are built before the timing starts (a first start *after the build*).
 * - `restart`: the same folder again, median of three starts; each is stopped with SIGTERM, as
 *   Ctrl-C would, before the next.
 *
 * `ratio` = restart ÷ first. Beside the wall clock, the CPU time of the whole process group (npm,
 * node, threads) at the moment it became healthy: on a shared two-core machine the wall clock
 * swings with whatever else runs, the CPU time much less (the load average is printed too).
 * Goals: restart < 2,000 ms and first < 10,000 ms on an otherwise idle machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureServerBuilt } from '../src/cli/build-server';
import { ensureWebBuilt, ROOT } from '../src/cli/build-web';

const RESTARTS = 3;
const TIMEOUT_MS = 180_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** CPU milliseconds (user + system) used so far by every process in a process group (Linux /proc). */
function groupCpuMillis(pgid: number): number | null {
  if (process.platform !== 'linux') return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces) start at ") ".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // pgrp
      total += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended while we looked
    }
  }
  return (total * 1000) / tick;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Stops the process group and waits until it has exited. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGTERM');
  const killTimer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(killTimer);
}

/** Spawns `npm start` in its own process group; resolves when /api/health answers. */
async function timedStart(dataDir: string): Promise<{ millis: number; cpu: number | null; output: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(npm, ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DAFTAR_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      NODE_ENV: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  try {
    while (!(await healthy(url))) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`not healthy after ${TIMEOUT_MS} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const millis = performance.now() - started;
    const cpu = groupCpuMillis(child.pid!);
    // The banner (address, sign-ins) follows once the job queue has started; stop after it.
    while (!output.includes('Daftar is running')) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return { millis, cpu, output };
  } finally {
    await stopGroup(child);
  }
}

export async function start(): Promise<string> {
  await ensureWebBuilt();
  await ensureServerBuilt();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-start-'));
  const dataDir = path.join(folder, 'data', 'pglite');
  try {
    const loadBefore = os.loadavg()[0];
    const first = await timedStart(dataDir);
    if (!first.output.includes('demo data loaded'))
      throw new Error(`the first start loaded no demo data:\n${first.output}`);
    const restarts: { millis: number; cpu: number | null }[] = [];
    for (let i = 0; i < RESTARTS; i++) restarts.push(await timedStart(dataDir));
    restarts.sort((a, b) => a.millis - b.millis);
    const restart = restarts[Math.floor(RESTARTS / 2)];
    const ms = (v: number | null) => (v == null ? 'n/a' : `${Math.round(v)}ms`);
    const met = restart.millis < 2_000 && first.millis < 10_000;
    const line =
      `bench start: first=${ms(first.millis)} restart=${ms(restart.millis)} first_cpu=${ms(first.cpu)} restart_cpu=${ms(restart.cpu)} ` +
      `load=${loadBefore.toFixed(1)} ratio=${(restart.millis / first.millis).toFixed(3)} goal restart<2000ms first<10000ms${met ? '' : '  (goal missed)'}`;
    console.log(line);
    return line;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
