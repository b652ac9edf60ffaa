/**
 * A Janus SFU for the browser tests: Debian's `janus` started on loopback with a configuration
 * written to a temporary folder — the videoroom plugin with an admin key, the WebSocket API for
 * the browsers and the HTTP API for Daftar's server, on free ports; every other plugin, transport
 * and event handler off; ICE on the loopback interface only (the browsers allow loopback
 * candidates, `launchBrowser({ loopbackMedia: true })`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const JANUS_LIBS = '/usr/lib/x86_64-linux-gnu/janus';

/** The janus binary, or null when it is not installed. */
export function findJanus(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v janus'], { encoding: 'utf8' });
  const bin = found.status === 0 ? found.stdout.trim() : '';
  return bin && fs.existsSync(bin) ? bin : null;
}

export const JANUS_MISSING =
  "Janus is not installed: the hearing room's test through the SFU needs Debian's janus (`sudo apt-get install -y janus`); .ci/run installs it.";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Every library in `folder` but `keep`, as Janus's comma-separated `disable` list. */
function allBut(folder: string, keep: string[]): string {
  const all = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.so')) : [];
  return all.filter((f) => !keep.includes(f)).join(',');
}

export interface RunningJanus {
  /** What Daftar's server is configured with (DAFTAR_JANUS_URL and the rest). */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Ends the Janus process, as a crash of the media server would (`up` starts it again). */
  down(): Promise<void>;
  /** Starts it again on the same ports, knowing nothing of before: every session and room gone. */
  up(): Promise<void>;
}

export async function startJanus(bin: string): Promise<RunningJanus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-janus-'));
  const [wsPort, httpPort] = [await freePort(), await freePort()];
  const rtpFrom = 20_000 + Math.floor(Math.random() * 400) * 100;
  const adminKey = `test-${process.pid}`;
  const files: Record<string, string> = {
    'janus.jcfg': `general: {
  configs_folder = "${dir}"
  plugins_folder = "${JANUS_LIBS}/plugins"
  transports_folder = "${JANUS_LIBS}/transports"
  events_folder = "${JANUS_LIBS}/events"
  loggers_folder = "${JANUS_LIBS}/loggers"
  debug_level = 3
  # Janus's default: a page's session is forgotten after a minute without a word.
  session_timeout = 60
}
media: {
  rtp_port_range = "${rtpFrom}-${rtpFrom + 99}"
}
nat: {
  ice_enforce_list = "lo"
  ignore_mdns = true
}
plugins: {
  disable = "${allBut(`${JANUS_LIBS}/plugins`, ['libjanus_videoroom.so'])}"
}
transports: {
  disable = "${allBut(`${JANUS_LIBS}/transports`, ['libjanus_websockets.so', 'libjanus_http.so'])}"
}
events: {
  broadcast = false
  disable = "${allBut(`${JANUS_LIBS}/events`, [])}"
}
loggers: {
  disable = "${allBut(`${JANUS_LIBS}/loggers`, [])}"
}
`,
    'janus.plugin.videoroom.jcfg': `general: {
  admin_key = "${adminKey}"
}
`,
    'janus.transport.websockets.jcfg': `general: {
  json = "plain"
  ws = true
  ws_port = ${wsPort}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
}
`,
    'janus.transport.http.jcfg': `general: {
  json = "plain"
  base_path = "/janus"
  http = true
  port = ${httpPort}
  ip = "127.0.0.1"
  https = false
}
admin: {
  admin_http = false
}
`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const logFile = path.join(dir, 'janus.log');
  const apiUrl = `http://127.0.0.1:${httpPort}/janus`;
  let child: ChildProcess | null = null;

  /** Ends the Janus process (a SIGKILL if it has not gone in 3 s); its files stay. */
  const down = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const late = setTimeout(() => running.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(late);
  };
  const stop = async () => {
    await down();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  /** Starts Janus on the ports above, as new: no session or room of a run before. */
  const up = async () => {
    const log = fs.openSync(logFile, 'a');
    const started = spawn(bin, ['-F', dir, '-C', path.join(dir, 'janus.jcfg'), '--disable-colors'], {
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    child = started;
    // Janus is up when its HTTP API answers `info` (a second or two).
    for (let waited = 0; ; waited += 100) {
      const info = await fetch(`${apiUrl}/info`).then(
        (r) => r.ok,
        () => false,
      );
      if (info) return;
      if (started.exitCode !== null || waited > 15_000) {
        const text = fs.readFileSync(logFile, 'utf8');
        await stop();
        throw new Error(`Janus did not start:\n${text.slice(-2_000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await up();
  return {
    env: {
      DAFTAR_JANUS_URL: `ws://127.0.0.1:${wsPort}`,
      DAFTAR_JANUS_API_URL: apiUrl,
      DAFTAR_JANUS_ADMIN_KEY: adminKey,
    },
    stop,
    down,
    up,
  };
}
