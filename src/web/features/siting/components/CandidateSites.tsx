/**
 * A province's candidate locations: how many cities the optimizer is offered, and the sites added
 * by hand with a form to add one (name and a point, typed or clicked on the map) and a button to
 * remove one. Errors sit next to their fields.
 */
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAddSite, useRemoveSite, type Candidate } from '../api/siting';
import { NumberInput } from '#web/ui/NumberInput.tsx';

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        provinceId,
        name,
        lat: typeof lat === 'number' ? lat : Number(lat),
        lon: typeof lon === 'number' ? lon : Number(lon),
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
        {sites.length === 0 ? (
          <Text size="sm" data-testid="siting-no-sites">
            {t('siting.sites.none')}
          </Text>
        ) : (
          <Table withTableBorder data-testid="siting-site-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('siting.sites.name')}</Table.Th>
                <Table.Th>{t('siting.sites.point')}</Table.Th>
                <Table.Th>{t('siting.sites.note')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((s) => (
                <Table.Tr key={s.id} data-testid="siting-site">
                  <Table.Td>{text(s.name)}</Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{digits(`${s.lat.toFixed(4)}, ${s.lon.toFixed(4)}`)}</bdi>
                  </Table.Td>
                  <Table.Td>{s.note}</Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
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
