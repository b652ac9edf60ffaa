/**
 * A province's candidate locations: how many cities the optimizer is offered, and the sites added
 * by hand with a form to add one (name and a point, typed or clicked on the map) and a button to
 * remove one. Errors sit next to their fields.
 */
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAddSite, useRemoveSite, type Candidate } from '../api/siting';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const SHOWN = ['name', 'lat', 'lon', 'note', 'provinceId'];

export function CandidateSites({
  provinceId,
  candidates,
  picked,
  onAdded,
}: {
  provinceId: number;
  candidates: readonly Candidate[];
  /** A point clicked on the map. */
  picked: { lat: number; lon: number } | null;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { count, digits, text } = useDigits();
  const add = useAddSite();
  const remove = useRemoveSite();
  const [name, setName] = useState('');
  const [lat, setLat] = useState<string | number>('');
  const [lon, setLon] = useState<string | number>('');
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(add.error, lang);

  useEffect(() => {
    if (picked) {
      setLat(picked.lat);
      setLon(picked.lon);
    }
  }, [picked]);

  const cities = candidates.filter((c) => c.kind === 'city');
  const sites = candidates.filter((c) => c.kind === 'site');
  const withOffice = cities.filter((c) => c.hasOffice).length;

  const columns: DataColumn<Candidate>[] = [
    { key: 'name', header: t('siting.sites.name'), cell: (s) => text(s.name), sortValue: (s) => text(s.name) },
    {
      key: 'point',
      header: t('siting.sites.point'),
      cell: (s) => <bdi dir="ltr">{digits(`${s.lat.toFixed(4)}, ${s.lon.toFixed(4)}`)}</bdi>,
      csv: (s) => `${s.lat}, ${s.lon}`,
    },
    { key: 'note', header: t('siting.sites.note'), cell: (s) => s.note, csv: (s) => s.note },
    {
      key: 'remove',
      header: t('siting.sites.removeColumn'),
      hideHeader: true,
      cell: (s) => (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => remove.mutate(s)}
          loading={remove.isPending && remove.variables?.id === s.id}
          aria-label={t('siting.sites.remove', { name: text(s.name) })}
          data-testid="siting-site-remove"
        >
          ✕
        </ActionIcon>
      ),
    },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        provinceId,
        name,
        // A blank coordinate goes absent, and the server names it as required.
        lat: enteredNumber(lat),
        lon: enteredNumber(lon),
        note,
      },
      {
        onSuccess: () => {
          setName('');
          setLat('');
          setLon('');
          setNote('');
          onAdded();
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="siting-sites-title" data-testid="siting-sites">
      <Stack gap="sm">
        <Title order={2} size="h4" id="siting-sites-title">
          {t('siting.sites.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="siting-city-count">
          {t('siting.sites.cities', {
            cities: count(cities.length),
            offered: count(cities.length - withOffice),
            withOffice: count(withOffice),
          })}
        </Text>
        <DataTable
          testId="siting-site-list"
          label={t('siting.sites.title')}
          columns={columns}
          rowKey={(s) => s.id}
          rows={sites}
          empty={<span data-testid="siting-no-sites">{t('siting.sites.none')}</span>}
          minWidth={520}
          csvFileName={`candidate-sites-${provinceId}.csv`}
          rowProps={() => ({ 'data-testid': 'siting-site' })}
        />
        <ProblemAlert error={remove.error} data-testid="siting-remove-problem" />
        <form onSubmit={submit} noValidate data-testid="siting-site-form">
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('siting.sites.add')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <TextInput
                label={t('siting.sites.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                data-testid="site-name"
              />
              <NumberInput
                label={t('siting.sites.lat')}
                value={lat}
                onChange={setLat}
                decimalScale={5}
                error={errors.lat}
                data-testid="site-lat"
              />
              <NumberInput
                label={t('siting.sites.lon')}
                value={lon}
                onChange={setLon}
                decimalScale={5}
                error={errors.lon}
                data-testid="site-lon"
              />
              <TextInput
                label={t('siting.sites.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
                data-testid="site-note"
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('siting.sites.pickHint')}
            </Text>
            <ProblemAlert error={add.error} shownFields={SHOWN} data-testid="siting-site-problem" />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={add.isPending} data-testid="site-add">
                {t('siting.sites.addButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
