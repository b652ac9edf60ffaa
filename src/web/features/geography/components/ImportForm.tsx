/**
 * Importing a population table: level, publisher, year and the CSV (picked from a file or pasted).
 * A refused file shows every error with its line and column; an applied one shows what changed.
 */
import { Button, FileButton, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '#core/persian-digits';
import { isApiError } from '#web/app/api-client.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useImportPopulation, type CsvError, type PopulationLevel } from '../api/geography';
import { ImportErrors } from './ImportErrors';
import { ImportResultView } from './ImportResultView';
import { PLACE_LEVELS } from '#server/modules/geo/values';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function ImportForm() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<PopulationLevel>('province');
  const [source, setSource] = useState('');
  const [year, setYear] = useState('');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useImportPopulation();

  const yearNumber = Number(toLatinDigits(year.trim()));
  const yearValid = /^\d{4}$/.test(toLatinDigits(year.trim())) && yearNumber >= 1300 && yearNumber <= 1500;

  async function pick(file: File | null) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setLocalError(t('geography.import.tooLarge'));
      return;
    }
    setLocalError(null);
    setFileName(file.name);
    setCsv(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!yearValid || source.trim().length < 2 || csv.trim() === '') return;
    mutation.mutate({ level, source: source.trim(), year: yearNumber, csv, fileName });
  }

  const problem = isApiError(mutation.error) ? mutation.error.problem : null;
  const csvErrors =
    problem?.code === 'population_import_invalid'
      ? ((problem.errors as unknown as CsvError[] | undefined) ?? [])
      : null;

  return (
    <Stack component="form" onSubmit={submit} gap="sm" data-testid="import-form">
      <Group align="end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('geography.import.level')}
          </Text>
          <SegmentedControl
            value={level}
            onChange={(v) => setLevel(v as PopulationLevel)}
            data-testid="import-level"
            data={PLACE_LEVELS.map((l) => ({
              value: l,
              label: t(`geography.level.${l}`),
            }))}
          />
        </Stack>
        <TextInput
          label={t('geography.import.source')}
          placeholder={t('geography.import.sourcePlaceholder')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          required
          miw={280}
          data-testid="import-source"
        />
        <TextInput
          label={t('geography.import.year')}
          placeholder="۱۴۰۵"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          required
          w={110}
          error={year !== '' && !yearValid ? t('geography.import.yearInvalid') : undefined}
          data-testid="import-year"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t(`geography.import.columns.${level}`)}
      </Text>
      <Group>
        <FileButton
          onChange={(f) => {
            void pick(f);
          }}
          accept=".csv,text/csv,text/plain"
        >
          {(props) => (
            <Button variant="default" {...props} data-testid="import-file">
              {t('geography.import.chooseFile')}
            </Button>
          )}
        </FileButton>
        {fileName ? (
          <Text size="sm" data-testid="import-file-name">
            {fileName}
          </Text>
        ) : null}
      </Group>
      <Textarea
        label={t('geography.import.csv')}
        description={t('geography.import.csvHint')}
        value={csv}
        autosize
        minRows={5}
        maxRows={14}
        onChange={(e) => {
          setCsv(e.currentTarget.value);
          setFileName(undefined);
        }}
        dir="auto"
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="import-csv"
      />
      {localError ? (
        <Text c="red" size="sm">
          {localError}
        </Text>
      ) : null}
      <Group>
        <Button
          type="submit"
          loading={mutation.isPending}
          disabled={!yearValid || source.trim().length < 2 || csv.trim() === ''}
          data-testid="import-submit"
        >
          {t('geography.import.submit')}
        </Button>
      </Group>
      {csvErrors ? (
        <ImportErrors errors={csvErrors} />
      ) : mutation.error ? (
        <ProblemAlert error={mutation.error} />
      ) : null}
      {mutation.data && !mutation.isPending && !mutation.error ? <ImportResultView result={mutation.data} /> : null}
    </Stack>
  );
}
