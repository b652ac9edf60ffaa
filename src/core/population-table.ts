/**
 * Reading a population table (CSV) against the reference places: pure, so the server and the tests
 * share it. Every problem is collected with its line and column (1-based, as a spreadsheet shows
 * them) so a person can fix the whole file at once; nothing is applied unless there is none.
 */
import { toLatinDigits } from './persian-digits';

export type PopulationLevel = 'province' | 'county' | 'city';

type CsvProblemCode =
  | 'csv_malformed'
  | 'csv_missing_column'
  | 'csv_unknown_column'
  | 'csv_not_a_number'
  | 'csv_unknown_place'
  | 'csv_duplicate_row'
  | 'csv_empty';

export interface CsvProblem {
  line: number;
  /** 1-based column; null when the problem is the whole line (or a column that is missing). */
  column: number | null;
  /** The column's name as the header writes it (or the expected name when it is missing). */
  columnName: string | null;
  code: CsvProblemCode;
}

interface PlaceName {
  id: number;
  fa: string;
  en: string;
}
export interface ReferencePlaces {
  provinces: (PlaceName & { code: string })[];
  counties: (PlaceName & { provinceId: number })[];
  cities: (PlaceName & { provinceId: number; countyId: number | null })[];
}

interface PopulationRow {
  line: number;
  placeId: number;
  provinceId: number;
  population: number;
}

const MAX_ROWS = 5_000;
/** More than anywhere in Iran: a figure above it is a typo (an extra digit), not a population. */
const MAX_POPULATION = 100_000_000;

type Role = 'province' | 'county' | 'city' | 'population';

/** Header names accepted for each column, Persian or English (compared after `normalizeName`). */
const COLUMN_ALIASES: Record<Role, string[]> = {
  province: [
    'province',
    'province_code',
    'province_id',
    'province_name',
    'استان',
    'کد استان',
    'شناسه استان',
    'نام استان',
  ],
  county: ['county', 'county_id', 'county_name', 'شهرستان', 'کد شهرستان', 'شناسه شهرستان', 'نام شهرستان'],
  city: ['city', 'city_id', 'city_name', 'شهر', 'کد شهر', 'شناسه شهر', 'نام شهر'],
  population: ['population', 'جمعیت'],
};

const ROLES_BY_LEVEL: Record<PopulationLevel, { required: Role[]; optional: Role[] }> = {
  province: { required: ['province', 'population'], optional: [] },
  county: { required: ['province', 'county', 'population'], optional: [] },
  city: { required: ['province', 'city', 'population'], optional: ['county'] },
};

/** One spelling for comparing names: Arabic ي/ك as Persian, no ZWNJ/spaces/hyphens/diacritics, آ as ا, lower case. */
export function normalizeName(s: string): string {
  return toLatinDigits(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(/آ/g, 'ا')
    .replace(/[\s\u200c\u200f\u200e_\-‌'’‘`]/g, '')
    .toLowerCase();
}

const roleOfHeader = (name: string): Role | null => {
  const key = normalizeName(name);
  for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as [Role, string[]][]) {
    if (aliases.some((a) => normalizeName(a) === key)) return role;
  }
  return null;
};

/**
 * RFC 4180 fields: commas, double quotes with "" inside, CRLF or LF. Records keep the line they
 * start on (a quoted field may span lines). An unterminated quote makes the rest one bad record.
 */
export function splitCsv(text: string): { line: number; fields: string[]; malformed: boolean }[] {
  const body = text.replace(/^\uFEFF/, '');
  const records: { line: number; fields: string[]; malformed: boolean }[] = [];
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let malformed = false;
    let quoted = false;
    let afterQuote = false;
    for (;;) {
      if (i >= body.length) {
        if (quoted) malformed = true;
        fields.push(field);
        break;
      }
      const ch = body[i];
      if (quoted) {
        if (ch === '"' && body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
          i += 1;
          continue;
        }
        if (ch === '\n') line += 1;
        field += ch;
        i += 1;
        continue;
      }
      if (ch === '"' && field.trim() === '' && !afterQuote) {
        quoted = true;
        field = '';
        i += 1;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        i += 1;
        continue;
      }
      if (ch === '\r' && body[i + 1] === '\n') {
        i += 1;
        continue;
      }
      if (ch === '\n') {
        fields.push(field);
        i += 1;
        line += 1;
        break;
      }
      // Text after a closing quote, or a quote inside an unquoted field, is not CSV.
      if (afterQuote && ch.trim() !== '') malformed = true;
      if (ch === '"') malformed = true;
      field += ch;
      i += 1;
    }
    records.push({ line: start, fields, malformed });
  }
  return records;
}

/** A whole number as people write it: Persian or Arabic digits, thousands separators (, ٬ ، space). */
export function parseCount(raw: string): number | null {
  const digits = toLatinDigits(raw.trim()).replace(/[,٬،\s\u066c]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX_POPULATION ? n : null;
}

/** Find one place among candidates by id (Latin/Persian digits), code, or Persian/English name; null when none or ambiguous. */
function findPlace<T extends PlaceName & { code?: string }>(candidates: T[], raw: string): T | null {
  const value = raw.trim();
  if (value === '') return null;
  const asNumber = toLatinDigits(value);
  if (/^\d+$/.test(asNumber)) return candidates.find((c) => c.id === Number(asNumber)) ?? null;
  const key = normalizeName(value);
  const byCode = candidates.filter((c) => c.code !== undefined && c.code.toLowerCase() === key);
  if (byCode.length === 1) return byCode[0];
  const byName = candidates.filter((c) => normalizeName(c.fa) === key || normalizeName(c.en) === key);
  return byName.length === 1 ? byName[0] : null;
}

export interface ParsedTable {
  rows: PopulationRow[];
  problems: CsvProblem[];
}

export function parsePopulationTable(text: string, level: PopulationLevel, places: ReferencePlaces): ParsedTable {
  const problems: CsvProblem[] = [];
  const records = splitCsv(text).filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === '' && !r.malformed));
  if (records.length === 0)
    return { rows: [], problems: [{ line: 1, column: null, columnName: null, code: 'csv_empty' }] };

  // The header: which column plays which role.
  const header = records[0];
  if (header.malformed)
    return { rows: [], problems: [{ line: header.line, column: null, columnName: null, code: 'csv_malformed' }] };
  const { required, optional } = ROLES_BY_LEVEL[level];
  const columnOf = new Map<Role, number>();
  header.fields.forEach((name, index) => {
    const role = roleOfHeader(name);
    const column = index + 1;
    if (role === null || (!required.includes(role) && !optional.includes(role))) {
      problems.push({ line: header.line, column, columnName: name.trim(), code: 'csv_unknown_column' });
    } else if (columnOf.has(role)) {
      problems.push({ line: header.line, column, columnName: name.trim(), code: 'csv_malformed' });
    } else {
      columnOf.set(role, index);
    }
  });
  for (const role of required) {
    if (!columnOf.has(role))
      problems.push({ line: header.line, column: null, columnName: role, code: 'csv_missing_column' });
  }
  if (problems.length > 0) return { rows: [], problems };

  const data = records.slice(1);
  if (data.length === 0)
    return { rows: [], problems: [{ line: header.line, column: null, columnName: null, code: 'csv_empty' }] };
  if (data.length > MAX_ROWS)
    return {
      rows: [],
      problems: [{ line: data[MAX_ROWS].line, column: null, columnName: null, code: 'csv_malformed' }],
    };

  const nameOf = (role: Role) => header.fields[columnOf.get(role)!].trim();
  const cell = (fields: string[], role: Role) => fields[columnOf.get(role)!] ?? '';
  const problem = (line: number, role: Role, code: CsvProblemCode) =>
    problems.push({ line, column: columnOf.get(role)! + 1, columnName: nameOf(role), code });

  const rows: PopulationRow[] = [];
  const firstLineOf = new Map<number, number>();
  const placeRole: Role = level;
  for (const record of data) {
    if (record.malformed || record.fields.length !== header.fields.length) {
      problems.push({ line: record.line, column: null, columnName: null, code: 'csv_malformed' });
      continue;
    }
    const population = parseCount(cell(record.fields, 'population'));
    if (population === null) problem(record.line, 'population', 'csv_not_a_number');

    const province = findPlace(places.provinces, cell(record.fields, 'province'));
    if (!province) {
      problem(record.line, 'province', 'csv_unknown_place');
      continue;
    }

    let placeId: number | null = province.id;
    if (level === 'county') {
      placeId =
        findPlace(
          places.counties.filter((c) => c.provinceId === province.id),
          cell(record.fields, 'county'),
        )?.id ?? null;
    } else if (level === 'city') {
      let pool = places.cities.filter((c) => c.provinceId === province.id);
      if (columnOf.has('county') && cell(record.fields, 'county').trim() !== '') {
        const county = findPlace(
          places.counties.filter((c) => c.provinceId === province.id),
          cell(record.fields, 'county'),
        );
        if (!county) {
          problem(record.line, 'county', 'csv_unknown_place');
          continue;
        }
        pool = pool.filter((c) => c.countyId === county.id);
      }
      placeId = findPlace(pool, cell(record.fields, 'city'))?.id ?? null;
    }
    if (placeId === null) {
      problem(record.line, placeRole, 'csv_unknown_place');
      continue;
    }
    if (firstLineOf.has(placeId)) {
      problem(record.line, placeRole, 'csv_duplicate_row');
      continue;
    }
    firstLineOf.set(placeId, record.line);
    if (population !== null) rows.push({ line: record.line, placeId, provinceId: province.id, population });
  }
  return { rows: problems.length ? [] : rows, problems };
}
