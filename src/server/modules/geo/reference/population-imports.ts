/**
 * Population imports: an official table (CSV) replaces the figures of the places it names, all or
 * nothing. The parsing is pure (`#core/population-table`); here the reference places are read, the
 * figures written in one transaction with the import's record and the audit event, and the levels
 * that now disagree are reported — a province import does not silently rescale its counties.
 */
import { desc, inArray, sql } from 'drizzle-orm';
import {
  parsePopulationTable,
  type CsvProblem,
  type PopulationLevel,
  type ReferencePlaces,
} from '#core/population-table';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { FIELD_MESSAGES } from '#server/platform/errors/catalog';
import { cities, counties, populationImports, provinces } from '#server/modules/geo/tables';

export interface PopulationImportInput {
  level: PopulationLevel;
  source: string;
  year: number;
  csv: string;
  fileName?: string;
}

interface CsvErrorView {
  field: 'csv';
  line: number;
  column: number | null;
  columnName: string | null;
  code: CsvProblem['code'];
  message: { fa: string; en: string };
  fa: string;
  en: string;
}

export interface DisagreementWarning {
  /** A province whose counties no longer sum to it, or a county whose cities now hold more people than it. */
  code: 'counties_differ_from_province' | 'cities_exceed_county';
  level: 'province' | 'county';
  id: number;
  name: { fa: string; en: string };
  population: number;
  partsPopulation: number;
}

const tableOf = { province: provinces, county: counties, city: cities } as const;

async function referencePlaces(db: Executor): Promise<ReferencePlaces> {
  const [ps, cs, ts] = await Promise.all([
    db.select({ id: provinces.id, code: provinces.code, fa: provinces.nameFa, en: provinces.nameEn }).from(provinces),
    db
      .select({ id: counties.id, provinceId: counties.provinceId, fa: counties.nameFa, en: counties.nameEn })
      .from(counties),
    db
      .select({
        id: cities.id,
        provinceId: cities.provinceId,
        countyId: cities.countyId,
        fa: cities.nameFa,
        en: cities.nameEn,
      })
      .from(cities),
  ]);
  return { provinces: ps, counties: cs, cities: ts };
}

const errorView = (p: CsvProblem): CsvErrorView => {
  const message = FIELD_MESSAGES[p.code];
  return { field: 'csv', ...p, message, fa: message.fa, en: message.en };
};

/** Sum of `value` per `key` over rows (population figures, null as 0). */
function sumBy<T>(rows: T[], key: (r: T) => number | null, value: (r: T) => number | null): Map<number, number> {
  const sums = new Map<number, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) sums.set(k, (sums.get(k) ?? 0) + (value(r) ?? 0));
  }
  return sums;
}

/** Where provinces and their counties, or counties and their cities, no longer agree (within the given provinces). */
async function disagreements(
  db: Executor,
  level: PopulationLevel,
  provinceIds: number[],
): Promise<DisagreementWarning[]> {
  const warnings: DisagreementWarning[] = [];
  const countyRows = await db.select().from(counties).where(inArray(counties.provinceId, provinceIds));
  if (level === 'province' || level === 'county') {
    const parts = sumBy(
      countyRows,
      (c) => c.provinceId,
      (c) => c.population,
    );
    const rows = await db.select().from(provinces).where(inArray(provinces.id, provinceIds));
    for (const r of rows) {
      const sum = parts.get(r.id) ?? 0;
      if (r.population !== null && sum !== r.population) {
        warnings.push({
          code: 'counties_differ_from_province',
          level: 'province',
          id: r.id,
          name: { fa: r.nameFa, en: r.nameEn },
          population: r.population,
          partsPopulation: sum,
        });
      }
    }
  }
  if (level === 'county' || level === 'city') {
    const cityRows = await db
      .select({ countyId: cities.countyId, population: cities.population })
      .from(cities)
      .where(inArray(cities.provinceId, provinceIds));
    const parts = sumBy(
      cityRows,
      (c) => c.countyId,
      (c) => c.population,
    );
    for (const r of countyRows) {
      const sum = parts.get(r.id) ?? 0;
      // A county holds its cities and its villages: only cities outnumbering the county is a contradiction.
      if (r.population !== null && sum > r.population) {
        warnings.push({
          code: 'cities_exceed_county',
          level: 'county',
          id: r.id,
          name: { fa: r.nameFa, en: r.nameEn },
          population: r.population,
          partsPopulation: sum,
        });
      }
    }
  }
  return warnings.sort((a, b) => a.id - b.id);
}

export async function importPopulation(ctx: AppContext, actor: Actor, input: PopulationImportInput) {
  authorize(actor, 'geo.population.import', {});
  const places = await referencePlaces(ctx.db);
  const { rows, problems } = parsePopulationTable(input.csv, input.level, places);
  if (problems.length > 0)
    throw new AppError('population_import_invalid', { extra: { errors: problems.map(errorView) } });

  const table = tableOf[input.level];
  const fileName = input.fileName?.trim() || 'population.csv';
  return ctx.db.transaction(async (tx) => {
    const before = await tx
      .select({ id: table.id, fa: table.nameFa, en: table.nameEn, population: table.population })
      .from(table)
      .where(
        inArray(
          table.id,
          rows.map((r) => r.placeId),
        ),
      );
    const [record] = await tx
      .insert(populationImports)
      .values({
        level: input.level,
        source: input.source,
        year: input.year,
        fileName,
        rowCount: rows.length,
        importedBy: actor.userId,
      })
      .returning();
    const values = sql.join(
      rows.map((r) => sql`(${r.placeId}::int, ${r.population}::int)`),
      sql`, `,
    );
    await tx.execute(sql`update ${table} set population = v.population, population_year = ${input.year}, population_source = ${`import:${record.id}`}
      from (values ${values}) as v(id, population) where ${table.id} = v.id`);
    await recordAudit(tx, actor, {
      action: 'geo.population.import',
      entityType: 'population_import',
      entityId: record.id,
      data: { level: input.level, source: input.source, year: input.year, fileName, rowCount: rows.length },
    });
    const beforeById = new Map(before.map((b) => [b.id, b]));
    const changes = rows.map((r) => {
      const b = beforeById.get(r.placeId)!;
      return {
        id: r.placeId,
        provinceId: r.provinceId,
        name: { fa: b.fa, en: b.en },
        before: b.population,
        after: r.population,
      };
    });
    const warnings = await disagreements(tx, input.level, [...new Set(rows.map((r) => r.provinceId))]);
    return { import: importView(record), changes, warnings };
  });
}

const importView = (r: typeof populationImports.$inferSelect) => ({
  id: r.id,
  level: r.level,
  source: r.source,
  year: r.year,
  fileName: r.fileName,
  rowCount: r.rowCount,
  importedBy: r.importedBy,
  importedAt: r.importedAt.toISOString(),
});

/** Past imports, newest first: national oversight and inspectors read them (the figures themselves are public). */
export async function listPopulationImports(ctx: AppContext, actor: Actor) {
  authorize(actor, 'geo.distribution.read', {});
  const rows = await ctx.db.select().from(populationImports).orderBy(desc(populationImports.id)).limit(200);
  return rows.map(importView);
}
