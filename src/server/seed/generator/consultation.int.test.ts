/**
 * The generated consultation registry as loaded on a small scale: consultants with their fee inside
 * their province's range, sitting only at offices holding the consultation competency, bookings
 * of generated citizens on their hours, arbitrators of the registry the arbitration area lists, and
 * sequences past the rows. On PGlite always, and on PostgreSQL too when DATABASE_URL is set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedDataset } from '#server/seed/generator/load';
import { scratchBackends } from '../../../../test/support/scratch-databases';

const OPTIONS = {
  scale: 'tiny' as const,
  seed: 5,
  offices: 20,
  citizens: 300,
  chunkSize: 400,
  now: new Date('2026-05-05T06:30:00Z'),
};
// The demo's four consultants and four bookings come first.
const DEMO_CONSULTANTS = 4;

const backends = scratchBackends('daftar_consultation_int');

describe.each(backends)('the generated consultation registry on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('loads consultants, their hours and bookings, and arbitrators, keeping the registry’s rules', async () => {
    const database = await backend.open();
    const result = await seedDataset(database, OPTIONS);
    const n = async (text: string) => Number((await database.pool.query(text)).rows[0].n);

    expect(result.generated.consultants).toBe(
      await n(`select count(*) as n from consultants where id > ${DEMO_CONSULTANTS}`),
    );
    expect(result.generated.consultants).toBeGreaterThan(3);
    expect(result.generated.consultation_bookings).toBeGreaterThan(50);
    expect(result.generated.consultation_bookings).toBe(
      (await n('select count(*) as n from consultation_bookings')) - 4,
    );
    // Both provinces in scope have a fee range (the demo set Tehran's and Isfahan's), and every fee lies in it.
    expect(await n('select count(*) as n from consultation_fee_ranges where province_id in (1, 3)')).toBe(2);
    expect(
      await n(`select count(*) as n from consultants c join consultation_fee_ranges r on r.province_id = c.province_id
        where c.fee_rials not between r.min_rials and r.max_rials`),
    ).toBe(0);
    // Office sittings only where the consultation competency is held, in the consultant's own province.
    expect(
      await n(`select count(*) as n from consultant_sittings s join consultants c on c.id = s.consultant_id
        join offices o on o.id = s.office_id
        where s.mode = 'office' and (o.province_id <> c.province_id or not exists (select 1 from office_competencies oc
          where oc.office_id = s.office_id and oc.service_code = 'consultation' and oc.status = 'active'))`),
    ).toBe(0);
    expect(await n(`select count(*) as n from consultant_sittings where mode = 'video'`)).toBeGreaterThan(0);
    // Bookings: generated citizens of the consultant's province, none on a Friday, 60 days back to 30 ahead.
    expect(
      await n(`select count(*) as n from consultation_bookings b join citizens z on z.id = b.citizen_id
        where b.id > 4 and z.province_id <> b.province_id`),
    ).toBe(0);
    expect(
      await n(
        `select count(*) as n from consultation_bookings where extract(isodow from starts_at at time zone 'Asia/Tehran') = 5`,
      ),
    ).toBe(0);
    expect(
      await n(`select count(*) as n from consultation_bookings where id > 4
        and (starts_at < '2026-03-05' or starts_at > '2026-06-05')`),
    ).toBe(0);
    expect(
      await n(
        `select count(*) as n from consultation_bookings where status = 'confirmed' and starts_at > '2026-05-06'`,
      ),
    ).toBeGreaterThan(0);
    // Arbitrators: the arbitration area's registry reads role grants; each province in scope has more than one.
    expect(
      await n(`select count(*) as n from (select province_id from role_grants where role = 'arbitrator'
        group by province_id having count(*) >= 2) x`),
    ).toBe(2);
    // New rows take ids after the generated ones.
    for (const table of ['consultants', 'consultant_sittings', 'consultation_bookings', 'users', 'role_grants']) {
      const { rows } = await database.pool.query(
        `select (select max(id) from ${table}) as max, nextval(pg_get_serial_sequence('${table}', 'id')) as next`,
      );
      expect(Number(rows[0].next), table).toBe(Number(rows[0].max) + 1);
    }
  });
});
