/**
 * The demo dataset loaded on first start: a handful of offices and courts, one account for every
 * role, and citizens who can sign in with their mobile. Small enough to read, real enough to try
 * every screen.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import type { Executor } from '#server/db/transaction';
import { tehranIsoDate } from '#core/jalali';
import { judicialIdFor } from '#core/judicial-id';
import { capitalCityId } from '#server/modules/geo/data/provinces';
import { courts } from '#server/modules/courts/tables';
import { citizens, users } from '#server/modules/accounts/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { offices } from '#server/modules/offices/tables';
import { hashPassword } from '#server/platform/auth/passwords';
import { recordAudit } from '#server/platform/audit/audit-log';
import { refreshFilingRollups } from '#server/modules/stats/filing-rollups';
import { refreshKpiRollups } from '#server/modules/stats/kpi-rollups';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { refreshNoticeRollups } from '#server/modules/stats/notice-rollups';
import { seedDemoArbitration } from './demo-arbitration';
import { seedDemoConsultation } from './demo-consultation';
import { seedDemoCourtCosts } from './demo-court-costs';
import { seedDemoHearings } from './demo-hearings';
import { seedDemoNetwork } from './demo-network';
import { seedDemoProposals } from './demo-proposals';
import { seedDemoProvinces } from './demo-provinces';
import { seedDemoQuality } from './demo-quality';
import { seedDemoVolume } from './demo-volume';
import { DEMO_CITIZENS, DEMO_COURTS, DEMO_OFFICES, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';
import { seedReferenceData } from './reference';

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute(sql`select not exists (select 1 from provinces) as empty`);
  return Boolean((rows.rows[0] as { empty: boolean }).empty);
}

/**
 * Accepts a transaction too (then it runs in a savepoint), so a larger load can include it atomically.
 * `now` is the instant the demo is set around (the server's clock): licences, contracts and training
 * sessions are dated from its day and the year of volume ends before its month.
 * `volume: false` leaves out the demo's year of service volume and its court cases with hearings (a generated dataset brings its own history).
 */
export async function seedDemo(db: Executor, now: Date, options: { volume?: boolean } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    await tx
      .insert(offices)
      .values(DEMO_OFFICES.map((o) => ({ ...o, cityId: capitalCityId(o.provinceId), openedOn: '2016-05-01' })));
    await tx.insert(courts).values(DEMO_COURTS.map((c) => ({ ...c, cityId: capitalCityId(c.provinceId) })));
    await tx.insert(citizens).values(
      DEMO_CITIZENS.map((c) => ({
        ...c,
        cityId: capitalCityId(c.provinceId),
        // The demo citizens hold e-accounts already, as if registered at an office before.
        judicialId: judicialIdFor(c.provinceId, c.id),
        identityCheck: 'national-card' as const,
        registeredChannel: 'office' as const,
        registeredAt: new Date('2024-01-15T08:00:00Z'),
        mobileConfirmedAt: new Date('2024-01-15T08:00:00Z'),
      })),
    );
    for (const s of DEMO_STAFF) {
      const [user] = await tx
        .insert(users)
        .values({
          kind: 'staff',
          username: s.username,
          passwordHash,
          firstName: s.firstName,
          lastName: s.lastName,
          nationalId: s.nationalId,
          mobile: s.mobile,
        })
        .returning({ id: users.id });
      await tx.insert(roleGrants).values({ userId: user.id, ...s.grant });
    }
    for (const c of DEMO_CITIZENS) {
      const [user] = await tx
        .insert(users)
        .values({
          kind: 'citizen',
          firstName: c.firstName,
          lastName: c.lastName,
          nationalId: c.nationalId,
          mobile: c.mobile,
          citizenId: c.id,
        })
        .returning({ id: users.id });
      await tx
        .insert(roleGrants)
        .values({ userId: user.id, role: 'citizen', scopeKind: 'own', provinceId: c.provinceId });
    }
    // Identity columns were given explicit values: move their sequences past them.
    for (const table of ['offices', 'courts', 'citizens']) {
      await tx.execute(
        sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
      );
    }
    await seedDemoNetwork(tx, now);
    await seedDemoCourtCosts(tx);
    await seedDemoArbitration(tx, now);
    await seedDemoProposals(tx, now);
    await seedDemoConsultation(tx, now);
    // Upcoming video hearings on two court cases, one party in an office's booth; a generated dataset brings its own cases.
    if (options.volume !== false) await seedDemoHearings(tx, now);
    if (options.volume !== false) {
      // Offices in every province with a year of volume as their populations rank; a generated dataset brings its own network.
      await seedDemoProvinces(tx, now);
      // A year of service volume before this month, for the tariff simulator and channel statistics.
      await seedDemoVolume(tx, tehranIsoDate(now));
      await rebuildServiceVolume(tx);
    }
    // A year of counter tickets, each office at its own pace, for the quality pages.
    await seedDemoQuality(tx, tehranIsoDate(now));
    // The statistics' filing rollups, so the dashboard shows the demo's filings before the job first runs.
    await refreshFilingRollups(tx, now);
    await refreshNoticeRollups(tx);
    await refreshKpiRollups(tx);
    await recordAudit(tx, null, {
      action: 'dataset.seed',
      entityType: 'dataset',
      entityId: 'demo',
      data: { offices: DEMO_OFFICES.length, staff: DEMO_STAFF.length, citizens: DEMO_CITIZENS.length },
    });
  });
}
