import { describe, expect, it } from 'vitest';
import { normalizeName, parseCount, parsePopulationTable, splitCsv, type ReferencePlaces } from './population-table';

const places: ReferencePlaces = {
  provinces: [
    { id: 1, code: 'THR', fa: 'تهران', en: 'Tehran' },
    { id: 3, code: 'ESF', fa: 'اصفهان', en: 'Isfahan' },
    { id: 26, code: 'CHB', fa: 'چهارمحال و بختیاری', en: 'Chaharmahal and Bakhtiari' },
  ],
  counties: [
    { id: 1001, provinceId: 1, fa: 'تهران', en: 'Tehran' },
    { id: 1002, provinceId: 1, fa: 'ورامین', en: 'Varāmīn' },
    { id: 3001, provinceId: 3, fa: 'اصفهان', en: 'Isfahan' },
  ],
  cities: [
    { id: 1001, provinceId: 1, countyId: 1001, fa: 'تهران', en: 'Tehran' },
    { id: 1003, provinceId: 1, countyId: 1002, fa: 'ورامین', en: 'Varāmīn' },
    { id: 1009, provinceId: 1, countyId: 1002, fa: 'دولت آباد', en: 'Dowlatābād' },
    { id: 1010, provinceId: 1, countyId: 1001, fa: 'دولت آباد', en: 'Dowlatābād' },
    { id: 3001, provinceId: 3, countyId: 3001, fa: 'اصفهان', en: 'Isfahan' },
  ],
};

describe('splitCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, and a BOM', () => {
    const records = splitCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",3\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(records.every((r) => !r.malformed)).toBe(true);
  });

  it('marks an unterminated quote and a stray quote as malformed', () => {
    expect(splitCsv('a,"b\n').at(-1)!.malformed).toBe(true);
    expect(splitCsv('a,b"c\n')[0].malformed).toBe(true);
    expect(splitCsv('a,"b"c\n')[0].malformed).toBe(true);
  });
});

describe('parseCount', () => {
  it('accepts Latin, Persian and Arabic digits with thousands separators', () => {
    expect(parseCount('1234')).toBe(1234);
    expect(parseCount('۱۲۳')).toBe(123);
    expect(parseCount('١٢٣')).toBe(123);
    expect(parseCount('1,234,567')).toBe(1_234_567);
    expect(parseCount('۱٬۲۳۴')).toBe(1234);
    expect(parseCount(' 0 ')).toBe(0);
  });
  it('refuses negatives, fractions, words, empty cells and absurd figures', () => {
    for (const bad of ['-5', '12.5', 'many', '', '1e6', '999999999999']) expect(parseCount(bad), bad).toBeNull();
  });
});

describe('parsePopulationTable', () => {
  it('reads a province table by code, id or name (Persian or English column names)', () => {
    const csv = 'province_code,population\nTHR,"13,500,000"\n۳,۵۲۰۰۰۰۰\n';
    expect(parsePopulationTable(csv, 'province', places)).toEqual({
      rows: [
        { line: 2, placeId: 1, provinceId: 1, population: 13_500_000 },
        { line: 3, placeId: 3, provinceId: 3, population: 5_200_000 },
      ],
      problems: [],
    });
    const fa = '\uFEFFاستان,جمعیت\r\nتهران,100\r\nچهارمحال وبختیاری,200\r\n';
    expect(parsePopulationTable(fa, 'province', places).rows.map((r) => r.placeId)).toEqual([1, 26]);
  });

  it('reads counties and cities within their province (a county column tells same-named cities apart)', () => {
    const counties = parsePopulationTable(
      'province,county,population\nTehran,Varamin,10\n1,1001,20\n',
      'county',
      places,
    );
    expect(counties.problems).toEqual([]);
    expect(counties.rows.map((r) => r.placeId)).toEqual([1002, 1001]);
    const ambiguous = parsePopulationTable('province,city,population\nتهران,دولت‌آباد,5\n', 'city', places);
    expect(ambiguous.problems).toEqual([{ line: 2, column: 2, columnName: 'city', code: 'csv_unknown_place' }]);
    const told = parsePopulationTable(
      'province,county,city,population\nتهران,ورامین,دولت‌آباد,5\nتهران,,تهران,9\n',
      'city',
      places,
    );
    expect(told.problems).toEqual([]);
    expect(told.rows.map((r) => r.placeId)).toEqual([1009, 1001]);
  });

  it('collects every problem with its line and column, and returns no rows then', () => {
    const csv = [
      'province,population',
      'Tehran,-5', // 2: negative
      'Atlantis,10', // 3: unknown place
      'Isfahan,10,11', // 4: wrong column count
      'ESF,12', // 5: fine
      'اصفهان,13', // 6: duplicate of line 5
      '"Tehran,7', // 7: unterminated quote
    ].join('\n');
    const { rows, problems } = parsePopulationTable(csv, 'province', places);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, column: 2, columnName: 'population', code: 'csv_not_a_number' },
      { line: 3, column: 1, columnName: 'province', code: 'csv_unknown_place' },
      { line: 4, column: null, columnName: null, code: 'csv_malformed' },
      { line: 6, column: 1, columnName: 'province', code: 'csv_duplicate_row' },
      { line: 7, column: null, columnName: null, code: 'csv_malformed' },
    ]);
  });

  it('names unknown and missing columns in the header', () => {
    expect(parsePopulationTable('province,people,area\nTHR,1,2\n', 'province', places).problems).toEqual([
      { line: 1, column: 2, columnName: 'people', code: 'csv_unknown_column' },
      { line: 1, column: 3, columnName: 'area', code: 'csv_unknown_column' },
      { line: 1, column: null, columnName: 'population', code: 'csv_missing_column' },
    ]);
    expect(parsePopulationTable('province,population\n', 'county', places).problems).toEqual([
      { line: 1, column: null, columnName: 'county', code: 'csv_missing_column' },
    ]);
    // A county column means nothing in a province table.
    expect(parsePopulationTable('province,county,population\nTHR,x,1\n', 'province', places).problems[0].code).toBe(
      'csv_unknown_column',
    );
  });

  it('says empty for an empty file, blank lines only, or a header alone', () => {
    for (const csv of ['', '\uFEFF', '\n\n', 'province,population\n', 'province,population\n\n']) {
      expect(
        parsePopulationTable(csv, 'province', places).problems.map((p) => p.code),
        JSON.stringify(csv),
      ).toEqual(['csv_empty']);
    }
  });

  it('skips blank lines but keeps counting them', () => {
    const { rows } = parsePopulationTable('province,population\n\nTHR,5\n', 'province', places);
    expect(rows).toEqual([{ line: 3, placeId: 1, provinceId: 1, population: 5 }]);
  });

  it('refuses more than 5,000 rows', () => {
    const csv = `province,population\n${Array.from({ length: 5_001 }, () => 'THR,1').join('\n')}`;
    expect(parsePopulationTable(csv, 'province', places).problems).toEqual([
      { line: 5_002, column: null, columnName: null, code: 'csv_malformed' },
    ]);
  });
});

describe('normalizeName', () => {
  it('treats Arabic and Persian letters, ZWNJ, spaces, آ and diacritics alike', () => {
    expect(normalizeName('دولت‌آباد')).toBe(normalizeName('دولت اباد'));
    expect(normalizeName('كرمان')).toBe(normalizeName('کرمان'));
    expect(normalizeName('Varāmīn')).toBe('varamin');
  });
});
