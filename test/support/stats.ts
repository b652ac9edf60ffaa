/**
 * Set-ups the statistics area's integration tests share: a server whose figures hold only what the
 * test file writes (the demo's services, and the filings and notices rollups where asked, are
 * cleared so that every figure is counted by hand), the offices' ids by code, staff signed in once
 * each, and services recorded the way an office's counter records them.
 */
import { recordService } from '#server/modules/records/service-records';
import { startTestServer, type Client, type TestServer, type TestServerOptions } from './test-server';

/** The offices' ids by their code (`11001` …). */
export async function officeIds(t: Pick<TestServer, 'query'>): Promise<Record<string, number>> {
  const rows = await t.query<{ id: number; code: string }>('select id, code from offices');
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}

/**
 * Clears the demo's services (every record and the monthly rollup); with `rollups`, the filings and
 * notices rollups too.
 */
async function clearDemoFigures(t: Pick<TestServer, 'query'>, options: { rollups: boolean }) {
  await t.query('delete from service_volume_monthly');
  await t.query('delete from service_records');
  if (!options.rollups) return;
  await t.query('delete from stats_filings_monthly');
  await t.query('delete from stats_notices_monthly');
}

export interface StatsServer {
  t: TestServer;
  office: Record<string, number>;
}

/**
 * Starts a server with the demo's figures cleared (see `clearDemoFigures`). Without `jobs` no worker
 * runs, so the statistics job cannot recount the rollups a test writes from the demo's facts.
 */
export async function startStatsServer(
  options: { rollups: boolean; jobs: boolean },
  serverOptions: TestServerOptions = {},
): Promise<StatsServer> {
  const t = await startTestServer({
    ...serverOptions,
    env: { ...serverOptions.env, ...(options.jobs ? {} : { DAFTAR_RUN_JOBS: 'false' }) },
  });
  const office = await officeIds(t);
  await clearDemoFigures(t, options);
  return { t, office };
}

/** Staff clients of the file's server (read when first asked for), each signed in once. */
export function staffSignedInOnce(server: () => TestServer): (username: string) => Promise<Client> {
  const clients = new Map<string, Client>();
  return async (username) => {
    if (!clients.has(username)) clients.set(username, await server().signInStaff(username));
    return clients.get(username)!;
  };
}

/** Where a service was given: at an office (by code) or online, in a province. */
export interface ServicePlace {
  office?: string;
  provinceId: number;
}

/** Records `times` services at `at`, each as its own counter transaction (the rollup triggers run on each). */
export async function recordServices(
  s: StatsServer,
  at: string,
  where: ServicePlace,
  fee: { serviceCode: string; amountRials: number },
  times: number,
) {
  for (let i = 0; i < times; i++) {
    await s.t.server.ctx.db.transaction((tx) =>
      recordService(
        tx,
        {
          serviceCode: fee.serviceCode,
          channel: where.office ? 'office' : 'online',
          officeId: where.office ? s.office[where.office] : null,
          provinceId: where.provinceId,
          operatorUserId: null,
          citizenId: null,
          scheduleId: null,
          amountRials: fee.amountRials,
        },
        new Date(at),
      ),
    );
  }
}

/** A file's recorder of petitions, all at one fee. */
export function petitionRecorder(server: () => StatsServer, amountRials: number) {
  return (at: string, where: ServicePlace, times: number) =>
    recordServices(server(), at, where, { serviceCode: 'petition', amountRials }, times);
}
