/** The reference geography and population imports, as the admin page reads and writes them. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Contracts } from '#server/contracts';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type PopulationLevel = CallInput<'geo.importPopulation'>['body']['level'];
export type ProvinceRow = CallResult<'geo.provinces'>['items'][number];
export type ImportResult = CallResult<'geo.importPopulation'>;
export type PopulationImport = CallResult<'geo.populationImports'>['items'][number];
export type CityRow = CallResult<'geo.cities'>['items'][number];
export type CountyRow = CallResult<'geo.counties'>['items'][number];

/** The 422 `population_import_invalid` answer of a refused import. */
type ImportInvalid = z.input<
  Contracts['geo']['endpoints']['importPopulation']['problemBodies']['population_import_invalid']
>;
/** One CSV error of a refused import (the 422 answer's `errors`). */
export type CsvError = ImportInvalid['errors'][number];

const KEY = ['geo', 'reference'] as const;

const provincesQueryOptions = () =>
  queryOptions({ queryKey: [...KEY, 'provinces'], queryFn: ({ signal }) => call('geo.provinces', {}, { signal }) });

const countiesQueryOptions = (provinceId: number | null) =>
  queryOptions({
    queryKey: [...KEY, 'counties', provinceId],
    enabled: provinceId !== null,
    queryFn: ({ signal }) => call('geo.counties', { params: { id: provinceId } }, { signal }),
  });

const citiesQueryOptions = (provinceId: number | null) =>
  queryOptions({
    queryKey: [...KEY, 'cities', provinceId],
    enabled: provinceId !== null,
    queryFn: ({ signal }) => call('geo.cities', { params: { id: provinceId } }, { signal }),
  });

const populationImportsQueryOptions = () =>
  queryOptions({
    queryKey: [...KEY, 'imports'],
    queryFn: ({ signal }) => call('geo.populationImports', {}, { signal }),
  });

export const useProvinces = () => useQuery(provincesQueryOptions());
export const useCounties = (provinceId: number | null) => useQuery(countiesQueryOptions(provinceId));
export const useCities = (provinceId: number | null) => useQuery(citiesQueryOptions(provinceId));
export const usePopulationImports = () => useQuery(populationImportsQueryOptions());

export function useImportPopulation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<'geo.importPopulation'>['body']) => call('geo.importPopulation', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
