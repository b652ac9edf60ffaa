/**
 * Every list in the web is a DataTable (issue #13): the loading, error and empty states, sorting,
 * paging, the scroll region a phone can reach with the keyboard and the CSV are the same
 * everywhere. A feature file that renders Mantine's `<Table>` itself fails here, naming the file;
 * a table that truly is not a list goes on the allow-list below with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FEATURES = path.join(ROOT, 'src/web/features');

/**
 * Tables that are not lists, by path from the repository root. Each one must still render a
 * table: an entry left behind after its table has gone fails too.
 */
const NOT_LISTS: Record<string, string> = {
  // One filing's details as label and value pairs (a vertical table), not rows of a list.
  'src/web/features/filings/pages/FilingPage.tsx': 'vertical details of one filing',
  // The open data's dictionary: a column's name, type and meaning, a reference table rather than a list.
  'src/web/features/stats/pages/OpenDataPage.tsx': 'open data: the data dictionary',
  // Open data's places (and notices' measures) by month: a cross-tabulation with row headers and suppressed cells.
  'src/web/features/stats/components/MonthCrossTable.tsx': 'open data: places by month',
  // A fee scale's bands with their rates: a reference table with row headers, a scale's few fixed rows.
  'src/web/features/arbitration/components/FeeScalePreview.tsx': "the arbitrators' fee scale's bands",
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The source with its comments blanked, so a comment naming `<Table>` is no use of it. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Whether a source renders Mantine's table by hand: imports `Table` from @mantine/core, or writes `<Table`, `<Table.…`. */
function rendersMantineTable(source: string): boolean {
  const code = withoutComments(source);
  const importsTable = [...code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g)].some(
    (m) =>
      m[1]
        .split(',')
        .map((name) => name.trim().split(/\s+as\s+/)[0])
        .includes('Table'),
  );
  return importsTable || /<Table(?![\w$])/.test(code);
}

describe('lists use the one DataTable', () => {
  it('knows a hand-written table when it sees one, and a DataTable when it sees one', () => {
    expect(rendersMantineTable("import { Table, Text } from '@mantine/core';\n")).toBe(true);
    expect(rendersMantineTable("import { Stack, Table as T } from '@mantine/core';\n")).toBe(true);
    expect(rendersMantineTable('return <Table withTableBorder>{rows}</Table>;')).toBe(true);
    expect(rendersMantineTable('return <Table.ScrollContainer minWidth={500} />;')).toBe(true);
    expect(
      rendersMantineTable('import { DataTable } from \'#web/ui/DataTable.tsx\';\nreturn <DataTable testId="x" />;'),
    ).toBe(false);
    expect(rendersMantineTable("import { TableOfContents } from '@mantine/core';\n<TableOfContents />")).toBe(false);
    expect(rendersMantineTable('// a list, once a <Table>, now a DataTable\n/* <Table.Tr> */')).toBe(false);
  });

  it('no feature renders a Mantine <Table> of its own, except the tables that are not lists', () => {
    const offenders = filesUnder(FEATURES)
      .filter((file) => rendersMantineTable(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((file) => !(file in NOT_LISTS));
    expect(offenders, 'a list renders Mantine <Table> directly: use src/web/ui/DataTable.tsx').toEqual([]);
  });

  it('every table on the allow-list is still there and still a table', () => {
    for (const file of Object.keys(NOT_LISTS)) {
      const full = path.join(ROOT, file);
      expect(fs.existsSync(full), `${file} is on the allow-list but is gone`).toBe(true);
      expect(rendersMantineTable(fs.readFileSync(full, 'utf8')), `${file} no longer renders a table`).toBe(true);
    }
  });
});
