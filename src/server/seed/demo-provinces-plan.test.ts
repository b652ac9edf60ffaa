/**
 * The demo's offices beyond its first seven stand at real places of the shipped geography, one
 * province series of licence numbers each, and the provinces' new volumes rank as the 1395 census
 * ranks them (Qom 1,292,283 above Qazvin 1,273,761 above Ardabil 1,270,420, a few thousand apart).
 */
import { describe, expect, it } from 'vitest';
import { shippedGeography } from '#server/modules/geo/data/shipped-geography';
import { DEMO_OFFICES } from './demo-data';
import { demoProvinceOffices, newOfficeCount, newOfficesYearlyVolume } from './demo-provinces-plan';

const geography = shippedGeography();
const planned = demoProvinceOffices(geography, DEMO_OFFICES);

describe('the demo offices in every province', () => {
  it('every province without a demo office gets at least one, Khorasan Razavi two more, Tehran, Isfahan and Fars none', () => {
    const count = (id: number) => planned.filter((o) => o.provinceId === id).length;
    for (let id = 5; id <= 31; id++) expect(count(id), `province ${id}`).toBeGreaterThanOrEqual(1);
    expect(count(2)).toBe(2);
    expect([count(1), count(3), count(4)]).toEqual([0, 0, 0]);
    expect(newOfficeCount(4_710_509)).toBe(3);
    expect(newOfficeCount(580_158)).toBe(1);
  });

  it('each stands at a shipped place of its province with a Persian name, and Mashhad keeps its one office', () => {
    const cities = new Map(geography.cities.map((c) => [c.id, c]));
    for (const o of planned) {
      const city = cities.get(o.cityId)!;
      expect(city.provinceId).toBe(o.provinceId);
      expect([o.lat, o.lon]).toEqual([city.lat, city.lon]);
      expect(o.nameFa).toMatch(/^دفتر خدمات الکترونیک قضایی [۰-۹]+ — [\u0600-\u06FF]/);
      expect(o.nameFa.endsWith(city.nameFa)).toBe(true);
    }
    expect(planned.filter((o) => o.provinceId === 2).map((o) => o.cityId)).not.toContain(2001);
    // Ahvaz, the capital of Khuzestan, has the first of its series.
    expect(planned.find((o) => o.code === '15001')).toMatchObject({ provinceId: 5, cityId: 5001 });
  });

  it('licence numbers continue each province series after the demo offices and never repeat', () => {
    const codes = planned.map((o) => o.code);
    expect(new Set([...codes, ...DEMO_OFFICES.map((o) => o.code)]).size).toBe(codes.length + DEMO_OFFICES.length);
    expect(codes.filter((c) => c.startsWith('12'))).toEqual(['12002', '12003']);
    expect(codes).toContain('41001'); // Ilam, province 31
  });

  it('provinces a few thousand people apart still rank apart', () => {
    expect(newOfficesYearlyVolume(22, 1_292_283)).toBeGreaterThan(newOfficesYearlyVolume(21, 1_273_761));
    expect(newOfficesYearlyVolume(21, 1_273_761)).toBeGreaterThan(newOfficesYearlyVolume(20, 1_270_420));
  });
});
