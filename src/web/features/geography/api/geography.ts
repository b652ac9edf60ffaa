/** The reference geography and population imports, as the admin page reads and writes them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export type PopulationLevel = 'province' | 'county' | 'city';

interface PopulationOrigin {
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
}
export interface ProvinceRow extends PopulationOrigin {
  id: number;
  code: string;
  name: LocalizedText;
}
export interface CountyRow extends PopulationOrigin {
  id: number;
  name: LocalizedText;
  lat: number | null;
  lon: number | null;
}
export interface CityRow extends PopulationOrigin {
  id: number;
  name: LocalizedText;
  countyId: number | null;
  lat: number | null;
  lon: number | null;
}

export interface PopulationImport {
  id: number;
  level: PopulationLevel;
  source: string;
  year: number;
  fileName: string;
  rowCount: number;
  importedBy: number | null;
  importedAt: string;
}
export interface ImportInput {
  level: PopulationLevel;
  source: string;
  year: number;
  csv: string;
  fileName?: string;
}
export interface ImportResult {
  import: PopulationImport;
  changes: { id: number; provinceId: number; name: LocalizedText; before: number | null; after: number }[];
  warnings: {
    code: 'counties_differ_from_province' | 'cities_exceed_county';
    level: 'province' | 'county';
    id: number;
    name: LocalizedText;
    population: number;
    partsPopulation: number;
  }[];
}
/** One CSV error of a refused import (the 422 answer's `errors`). */
export interface CsvError {
  line: number;
  column: number | null;
  columnName: string | null;
  code: string;
  fa: string;
  en: string;
}

const KEY = ['geo', 'reference'] as const;

export const useProvinces = () =>
  useQuery({
    queryKey: [...KEY, 'provinces'],
    queryFn: ({ signal }) => api<{ items: ProvinceRow[] }>('/api/v1/geo/provinces', { signal }),
  });

export const useCounties = (provinceId: number | null) =>
  useQuery({
    queryKey: [...KEY, 'counties', provinceId],
    enabled: provinceId !== null,
    queryFn: ({ signal }) => api<{ items: CountyRow[] }>(`/api/v1/geo/provinces/${provinceId}/counties`, { signal }),
  });

export const useCities = (provinceId: number | null) =>
  useQuery({
    queryKey: [...KEY, 'cities', provinceId],
    enabled: provinceId !== null,
    queryFn: ({ signal }) => api<{ items: CityRow[] }>(`/api/v1/geo/provinces/${provinceId}/cities`, { signal }),
  });

export const usePopulationImports = () =>
  useQuery({
    queryKey: [...KEY, 'imports'],
    queryFn: ({ signal }) => api<{ items: PopulationImport[] }>('/api/v1/geo/population-imports', { signal }),
  });

export function useImportPopulation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) =>
      api<ImportResult>('/api/v1/geo/population-imports', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
