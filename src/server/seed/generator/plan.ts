/**
 * The generated part of a dataset, as plain rows: synthetic towns, offices, courts, staff with
 * their role grants, and (streamed, see `citizens`) citizens with their e-accounts. Pure and
 * deterministic: the same scale, seed and starting ids give the same rows.
 */
import { toPersianDigits } from '#core/persian-digits';
import { PROVINCES, capitalCityId, type ProvinceSeed } from '#server/modules/geo/data/provinces';
import { syntheticMobile, syntheticNationalId, syntheticPostalCode, judicialIdFor } from './ids';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES, STREETS } from './names';
import { apportion, createRng, cumulative, type Rng } from './prng';
import type { ScaleSpec } from './scales';

/** Generated timestamps fall before this moment, so a dataset does not depend on when it was made. */
export const DATASET_EPOCH = Date.UTC(2026, 10, 29);
const DAY = 86_400_000;
const REGISTRATION_START = Date.UTC(2016, 2, 20);

export interface StartIds {
  officeId: number;
  courtId: number;
  userId: number;
  grantId: number;
  citizenId: number;
}

export interface PlanInput {
  spec: ScaleSpec;
  seed: number;
  /** The next free id of each table (the demo set is loaded first). */
  start: StartIds;
  /** Offices and courts already there, so generated codes continue after them. */
  existingOfficeCodes: string[];
  existingCourtCodes: string[];
  /** National IDs the generator must not hand out (the demo people's). */
  reservedNationalIds: ReadonlySet<string>;
  /** One argon2id hash shared by every generated staff account. */
  staffPasswordHash: string;
}

export interface CityRow {
  id: number;
  provinceId: number;
  nameFa: string;
  nameEn: string;
  population: number;
  lat: number;
  lon: number;
}
export interface OfficeRow {
  id: number;
  code: string;
  nameFa: string;
  nameEn: string;
  provinceId: number;
  cityId: number;
  address: string;
  phone: string;
  status: 'active' | 'suspended' | 'closed';
  lat: number;
  lon: number;
  openedOn: string;
  createdAt: string;
}
export interface CourtRow {
  id: number;
  code: string;
  nameFa: string;
  nameEn: string;
  kind: CourtKind;
  provinceId: number;
  cityId: number;
  branches: number;
}
export interface UserRow {
  id: number;
  kind: 'staff' | 'citizen';
  username: string | null;
  passwordHash: string | null;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  birthDate: string;
  citizenId: number | null;
  createdAt: string;
}
export interface GrantRow {
  id: number;
  userId: number;
  role: string;
  scopeKind: 'nation' | 'province' | 'office' | 'court' | 'own';
  provinceId: number | null;
  officeId: number | null;
  courtId: number | null;
  grantedAt: string;
}
export interface CitizenRow {
  id: number;
  nationalId: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  birthDate: string;
  mobile: string;
  provinceId: number;
  cityId: number;
  address: string;
  postalCode: string;
  judicialId: string;
  identityCheck: string;
  mobileConfirmedAt: string;
  registeredAt: string;
  registeredChannel: 'office' | 'online';
  registeredOfficeId: number | null;
  registeredBy: number | null;
  createdAt: string;
}

type CourtKind = 'general' | 'appeals' | 'criminal' | 'family' | 'revolutionary' | 'dispute-council';

export interface Plan {
  cities: CityRow[];
  offices: OfficeRow[];
  courts: CourtRow[];
  staff: { user: UserRow; grant: GrantRow }[];
  /** Citizens per province in scope, in scope order. */
  citizensPerProvince: { provinceId: number; count: number }[];
  /** Ids the citizens' rows start from (after the staff's). */
  citizenStart: StartIds;
}

// Telephone area codes of the provinces' capitals.
export const AREA_CODES: Record<number, string> = {
  1: '021',
  2: '051',
  3: '031',
  4: '071',
  5: '061',
  6: '041',
  7: '011',
  8: '044',
  9: '034',
  10: '054',
  11: '026',
  12: '013',
  13: '083',
  14: '017',
  15: '066',
  16: '081',
  17: '087',
  18: '076',
  19: '086',
  20: '045',
  21: '028',
  22: '025',
  23: '035',
  24: '024',
  25: '077',
  26: '038',
  27: '058',
  28: '074',
  29: '056',
  30: '023',
  31: '084',
};

// Synthetic town names: a stem and a suffix, marked as synthetic in both languages.
const TOWN_STEMS = [
  ['نو', 'Now'],
  ['سبز', 'Sabz'],
  ['باغ', 'Bagh'],
  ['چشمه', 'Cheshmeh'],
  ['رود', 'Rud'],
  ['گل', 'Gol'],
  ['مهر', 'Mehr'],
  ['آب', 'Ab'],
  ['کوه', 'Kuh'],
  ['دشت', 'Dasht'],
] as const;
const TOWN_SUFFIXES = [
  ['آباد', 'abad'],
  ['شهر', 'shahr'],
  ['دشت', 'dasht'],
  ['کنار', 'kenar'],
  ['سار', 'sar'],
  ['ده', 'deh'],
] as const;

const COURT_KINDS: { kind: CourtKind; tag: string; fa: string; en: string }[] = [
  { kind: 'general', tag: 'GEN', fa: 'مجتمع قضایی عمومی', en: 'General Judicial Complex' },
  { kind: 'appeals', tag: 'APP', fa: 'دادگاه تجدیدنظر استان', en: 'Provincial Court of Appeals' },
  { kind: 'criminal', tag: 'CRM', fa: 'دادگاه کیفری یک', en: 'Criminal Court One' },
  { kind: 'family', tag: 'FAM', fa: 'مجتمع قضایی خانواده', en: 'Family Court Complex' },
  { kind: 'revolutionary', tag: 'REV', fa: 'دادگاه انقلاب', en: 'Revolutionary Court' },
  { kind: 'dispute-council', tag: 'DSC', fa: 'شورای حل اختلاف', en: 'Dispute Resolution Council' },
];

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng.next() * (to - from));

function province(id: number): ProvinceSeed {
  const p = PROVINCES.find((x) => x.id === id);
  if (!p) throw new Error(`unknown province ${id}`);
  return p;
}

/** The office licence code: 1, the province, a three-digit sequence (as the demo's 11001); 8 digits past 999. */
export function officeCode(provinceId: number, seq: number): string {
  return seq <= 999
    ? `1${provinceId}${String(seq).padStart(3, '0')}`
    : `2${String(provinceId).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
}

function person(rng: Rng) {
  const female = rng.chance(0.5);
  return { firstName: rng.pick(female ? FEMALE_NAMES : MALE_NAMES), lastName: rng.pick(LAST_NAMES) };
}

export function buildPlan(input: PlanInput): Plan {
  const { spec, seed, start } = input;
  const provinces = spec.provinceIds.map(province);

  // Towns: the capital exists already; add synthetic ones with a share of the rest of the population.
  const geoRng = createRng(seed, 'cities');
  const cities: CityRow[] = [];
  const townsOf = new Map<
    number,
    { id: number; fa: string; en: string; population: number; lat: number; lon: number }[]
  >();
  for (const p of provinces) {
    const towns = [
      {
        id: capitalCityId(p.id),
        fa: p.capital.fa,
        en: p.capital.en,
        population: p.capital.population,
        lat: p.capital.lat,
        lon: p.capital.lon,
      },
    ];
    const rest = Math.max(p.population - p.capital.population, spec.extraCities * 10_000);
    const shares = apportion(
      Math.round(rest * 0.6),
      Array.from({ length: spec.extraCities }, (_, k) => spec.extraCities - k),
    );
    const used = new Set<string>();
    for (let k = 0; k < spec.extraCities; k++) {
      let stem: (typeof TOWN_STEMS)[number];
      let suffix: (typeof TOWN_SUFFIXES)[number];
      do {
        stem = geoRng.pick(TOWN_STEMS);
        suffix = geoRng.pick(TOWN_SUFFIXES);
      } while (used.has(stem[0] + suffix[0]) || stem[0] === suffix[0]);
      used.add(stem[0] + suffix[0]);
      const angle = geoRng.next() * 2 * Math.PI;
      const distance = 0.3 + geoRng.next() * 1.2;
      const town = {
        id: p.id * 1000 + 901 + k,
        fa: `${stem[0]}${suffix[0]} (ساختگی)`,
        en: `${stem[1]}${suffix[1]} (synthetic)`,
        population: shares[k],
        lat: Math.round((p.capital.lat + Math.sin(angle) * distance) * 1e4) / 1e4,
        lon: Math.round((p.capital.lon + Math.cos(angle) * distance) * 1e4) / 1e4,
      };
      towns.push(town);
      cities.push({
        id: town.id,
        provinceId: p.id,
        nameFa: town.fa,
        nameEn: town.en,
        population: town.population,
        lat: town.lat,
        lon: town.lon,
      });
    }
    townsOf.set(p.id, towns);
  }

  // Offices: by province population, then by town population within the province.
  const officeRng = createRng(seed, 'offices');
  const nextSeq = new Map<number, number>();
  for (const code of input.existingOfficeCodes) {
    const m = /^1(\d{1,2})(\d{3})$/.exec(code);
    if (m) nextSeq.set(Number(m[1]), Math.max(nextSeq.get(Number(m[1])) ?? 1, Number(m[2]) + 1));
  }
  const officesPerProvince = apportion(
    spec.offices,
    provinces.map((p) => p.population),
  );
  const offices: OfficeRow[] = [];
  let officeId = start.officeId;
  provinces.forEach((p, pi) => {
    const towns = townsOf.get(p.id)!;
    const perTown = apportion(
      officesPerProvince[pi],
      towns.map((t) => t.population),
    );
    towns.forEach((town, ti) => {
      for (let n = 0; n < perTown[ti]; n++) {
        const seq = nextSeq.get(p.id) ?? 1;
        nextSeq.set(p.id, seq + 1);
        const code = officeCode(p.id, seq);
        const [streetFa, streetEn] = officeRng.pick(STREETS);
        const opened = between(officeRng, Date.UTC(2011, 0, 1), DATASET_EPOCH - 180 * DAY);
        const r = officeRng.next();
        const place = ti === 0 ? '' : `${town.fa.replace(' (ساختگی)', '')}، `;
        offices.push({
          id: officeId++,
          code,
          nameFa: `دفتر خدمات الکترونیک قضایی ${toPersianDigits(code)} — ${place}${streetFa}`,
          nameEn: `Judicial e-services office ${code} — ${ti === 0 ? '' : `${town.en.replace(' (synthetic)', '')}, `}${streetEn}`,
          provinceId: p.id,
          cityId: town.id,
          address: `${town.fa.replace(' (ساختگی)', '')}، خیابان ${streetFa}، پلاک ${toPersianDigits(officeRng.int(1, 400))}`,
          phone: `${AREA_CODES[p.id]}-${officeRng.int(22_000_000, 99_999_999)}`,
          status: r < 0.97 ? 'active' : r < 0.99 ? 'suspended' : 'closed',
          lat: Math.round((town.lat + (officeRng.next() - 0.5) * 0.12) * 1e4) / 1e4,
          lon: Math.round((town.lon + (officeRng.next() - 0.5) * 0.12) * 1e4) / 1e4,
          openedOn: isoDay(opened),
          createdAt: iso(opened),
        });
      }
    });
  });

  // Courts: every kind in the capital, a general court and a dispute council in each town.
  const courtRng = createRng(seed, 'courts');
  const courtSeq = new Map<string, number>();
  for (const code of input.existingCourtCodes) {
    const m = /^([A-Z]+-[A-Z]+)-(\d+)$/.exec(code);
    if (m) courtSeq.set(m[1], Math.max(courtSeq.get(m[1]) ?? 1, Number(m[2]) + 1));
  }
  const courts: CourtRow[] = [];
  let courtId = start.courtId;
  for (const p of provinces) {
    for (const [ti, town] of townsOf.get(p.id)!.entries()) {
      const kinds =
        ti === 0 ? COURT_KINDS : COURT_KINDS.filter((k) => k.kind === 'general' || k.kind === 'dispute-council');
      for (const k of kinds) {
        const prefix = `${p.code}-${k.tag}`;
        const n = courtSeq.get(prefix) ?? 1;
        courtSeq.set(prefix, n + 1);
        const townFa = town.fa.replace(' (ساختگی)', '');
        const townEn = town.en.replace(' (synthetic)', '');
        courts.push({
          id: courtId++,
          code: `${prefix}-${String(n).padStart(2, '0')}`,
          nameFa:
            k.kind === 'appeals'
              ? `${k.fa} ${p.fa}`
              : `${k.fa} ${townFa}${n > 1 && ti === 0 ? ` ${toPersianDigits(n)}` : ''}`,
          nameEn: k.kind === 'appeals' ? `${k.en}, ${p.en}` : `${k.en}, ${townEn}${n > 1 && ti === 0 ? ` ${n}` : ''}`,
          kind: k.kind,
          provinceId: p.id,
          cityId: town.id,
          branches: ti === 0 ? courtRng.int(4, 30) : courtRng.int(1, 6),
        });
      }
    }
  }

  // Staff: a manager and 2–5 operators per office (a consultant at one in ten), clerks and judges
  // per court, an association admin, inspectors and an arbitrator per province.
  const staffRng = createRng(seed, 'staff');
  const staff: Plan['staff'] = [];
  let userId = start.userId;
  let grantId = start.grantId;
  const addStaff = (
    username: string,
    role: string,
    scope: Pick<GrantRow, 'scopeKind' | 'provinceId' | 'officeId' | 'courtId'>,
    since: number,
  ) => {
    const n = staff.length;
    const at = between(staffRng, since, DATASET_EPOCH - DAY);
    const id = userId++;
    staff.push({
      user: {
        id,
        kind: 'staff',
        username,
        passwordHash: input.staffPasswordHash,
        ...person(staffRng),
        nationalId: syntheticNationalId('staff', n, input.reservedNationalIds),
        mobile: syntheticMobile(staffRng),
        birthDate: isoDay(between(staffRng, Date.UTC(1965, 0, 1), Date.UTC(2001, 0, 1))),
        citizenId: null,
        createdAt: iso(at),
      },
      grant: { id: grantId++, userId: id, role, ...scope, grantedAt: iso(at) },
    });
  };
  for (const o of offices) {
    const since = Date.parse(o.createdAt);
    const scope = { scopeKind: 'office' as const, provinceId: o.provinceId, officeId: o.id, courtId: null };
    addStaff(`manager.${o.code}`, 'office_manager', scope, since);
    const operators = staffRng.int(2, 5);
    for (let k = 1; k <= operators; k++) addStaff(`operator.${o.code}.${k}`, 'operator', scope, since);
    if (staffRng.chance(0.1)) addStaff(`consultant.${o.code}`, 'consultant', scope, since);
  }
  const since2016 = REGISTRATION_START;
  for (const c of courts) {
    const scope = { scopeKind: 'court' as const, provinceId: c.provinceId, officeId: null, courtId: c.id };
    const lower = c.code.toLowerCase();
    for (let k = 1, n = staffRng.int(1, 3); k <= n; k++)
      addStaff(`clerk.${lower}.${k}`, 'court_clerk', scope, since2016);
    for (let k = 1, n = staffRng.int(1, 3); k <= n; k++) addStaff(`judge.${lower}.${k}`, 'judge', scope, since2016);
  }
  for (const p of provinces) {
    const scope = { scopeKind: 'province' as const, provinceId: p.id, officeId: null, courtId: null };
    const lower = p.code.toLowerCase();
    addStaff(`association.${lower}.1`, 'association_admin', scope, since2016);
    addStaff(`inspector.${lower}.1`, 'inspector', scope, since2016);
    addStaff(`inspector.${lower}.2`, 'inspector', scope, since2016);
    addStaff(`arbitrator.${lower}.1`, 'arbitrator', scope, since2016);
  }

  const counts = apportion(
    spec.citizens,
    provinces.map((p) => p.population),
  );
  return {
    cities,
    offices,
    courts,
    staff,
    citizensPerProvince: provinces.map((p, i) => ({ provinceId: p.id, count: counts[i] })),
    citizenStart: { ...start, officeId, courtId, userId, grantId },
  };
}

export interface CitizenBundle {
  citizen: CitizenRow;
  user: UserRow;
  grant: GrantRow;
}

/**
 * Citizens with their e-account (a user of kind citizen and the `citizen` role on their own
 * data), one at a time so that millions never sit in memory. Registered at one of the province's
 * generated offices by one of its operators, or online.
 */
export function* citizens(
  plan: Plan,
  input: Pick<PlanInput, 'seed' | 'reservedNationalIds'>,
): Generator<CitizenBundle> {
  const rng = createRng(input.seed, 'citizens');
  const { citizenStart: s } = plan;
  const operatorsOf = new Map<number, number[]>();
  for (const { user, grant } of plan.staff) {
    if (grant.role === 'operator' && grant.officeId != null) {
      const list = operatorsOf.get(grant.officeId) ?? [];
      list.push(user.id);
      operatorsOf.set(grant.officeId, list);
    }
  }
  let n = 0;
  for (const { provinceId, count } of plan.citizensPerProvince) {
    const p = province(provinceId);
    const towns = [
      { id: capitalCityId(p.id), fa: p.capital.fa, population: p.capital.population },
      ...plan.cities
        .filter((c) => c.provinceId === provinceId)
        .map((c) => ({ id: c.id, fa: c.nameFa.replace(' (ساختگی)', ''), population: c.population })),
    ];
    const townWeights = cumulative(towns.map((t) => t.population));
    const officesByTown = new Map<number, OfficeRow[]>();
    for (const o of plan.offices) {
      if (o.provinceId !== provinceId || o.status !== 'active') continue;
      const list = officesByTown.get(o.cityId) ?? [];
      list.push(o);
      officesByTown.set(o.cityId, list);
    }
    const provinceOffices = [...officesByTown.values()].flat();
    for (let k = 0; k < count; k++, n++) {
      const town = towns[rng.weighted(townWeights)];
      const female = rng.chance(0.5);
      const firstName = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      const fatherName = rng.pick(MALE_NAMES);
      const birthDate = isoDay(between(rng, Date.UTC(1940, 0, 1), Date.UTC(2007, 0, 1)));
      const mobile = syntheticMobile(rng);
      const registered = between(rng, REGISTRATION_START, DATASET_EPOCH - DAY);
      const local = officesByTown.get(town.id) ?? provinceOffices;
      const office = rng.chance(0.75) && local.length ? local[rng.int(0, local.length - 1)] : null;
      const operators = office ? (operatorsOf.get(office.id) ?? []) : [];
      const operator = operators.length ? operators[rng.int(0, operators.length - 1)] : null;
      let identityCheck = 'online';
      if (office) {
        const r = rng.next();
        identityCheck =
          r < 0.5 ? 'national-card' : r < 0.75 ? 'biometric' : r < 0.9 ? 'registry-inquiry' : 'birth-certificate';
      }
      const [streetFa] = rng.pick(STREETS);
      const id = s.citizenId + n;
      const at = iso(registered);
      const citizen: CitizenRow = {
        id,
        nationalId: syntheticNationalId('citizen', n, input.reservedNationalIds),
        firstName,
        lastName,
        fatherName,
        birthDate,
        mobile,
        provinceId,
        cityId: town.id,
        address: `${town.fa}، خیابان ${streetFa}، پلاک ${toPersianDigits(rng.int(1, 400))}`,
        postalCode: syntheticPostalCode(rng),
        judicialId: judicialIdFor(provinceId, id),
        identityCheck,
        mobileConfirmedAt: at,
        registeredAt: at,
        registeredChannel: office ? 'office' : 'online',
        registeredOfficeId: office?.id ?? null,
        registeredBy: office ? operator : null,
        createdAt: at,
      };
      const userId = s.userId + n;
      yield {
        citizen,
        user: {
          id: userId,
          kind: 'citizen',
          username: null,
          passwordHash: null,
          firstName,
          lastName,
          nationalId: citizen.nationalId,
          mobile,
          birthDate,
          citizenId: id,
          createdAt: at,
        },
        grant: {
          id: s.grantId + n,
          userId,
          role: 'citizen',
          scopeKind: 'own',
          provinceId,
          officeId: null,
          courtId: null,
          grantedAt: at,
        },
      };
    }
  }
}
