/**
 * /find-office — a citizen picks a service and a place (their own location, or a province and
 * city) and sees the nearest offices that offer it: distance, address, phone, today's hours and
 * whether they are open now, the week on expand, and a map. Public: works signed in or not.
 */
import '../i18n/index.ts';
import { Alert, Anchor, Button, Card, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useCities, useFinder, type FinderResult, type FinderSearch } from '../api/find-offices';
import { FinderMap } from '../components/FinderMap';
import { OfficeCard } from '../components/OfficeCard';
import '#web/app/mantine-styles-more.ts';
import '#web/app/mantine-styles-rest.ts';

type Locating = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

/** Asks the browser where the searcher is; refusals and failures come back as a state to explain. */
function locate(onPoint: (lat: number, lon: number) => void, onState: (s: Locating) => void) {
  if (!('geolocation' in navigator)) {
    onState('unsupported');
    return;
  }
  onState('locating');
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      onState('idle');
      onPoint(pos.coords.latitude, pos.coords.longitude);
    },
    (err) => onState(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
    { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
  );
}

function Results({ result }: { result: FinderResult }) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  if (result.onlineOnly) {
    return (
      <Alert color="blue" title={t('officeFinder.online.title')} data-testid="finder-online-only">
        <Stack gap="xs">
          <Text size="sm">{t('officeFinder.online.body', { service: text(result.service.title) })}</Text>
          {result.onlineUrl ? (
            <Anchor component={Link} to={result.onlineUrl}>
              {t('officeFinder.online.link')}
            </Anchor>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  const from = result.origin.name ? text(result.origin.name) : t('officeFinder.results.yourLocation');
  return (
    <Stack data-testid="finder-results">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('officeFinder.results.title', { service: text(result.service.title) })}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {result.items.length
            ? t('officeFinder.results.count', { n: digits(result.items.length), from })
            : t('officeFinder.results.none', { from })}
        </Text>
        {result.fee ? (
          <Text size="sm" data-testid="finder-fee">
            {t('officeFinder.results.fee')} <Money rials={result.fee.officeRials} />
            {result.fee.onlineRials != null ? (
              <>
                {' '}
                · {t('officeFinder.results.onlineFee')} <Money rials={result.fee.onlineRials} />
              </>
            ) : null}
          </Text>
        ) : null}
        {result.onlineUrl ? (
          <Text size="sm">
            {t('officeFinder.results.alsoOnline')}{' '}
            <Anchor component={Link} to={result.onlineUrl}>
              {t('officeFinder.online.link')}
            </Anchor>
          </Text>
        ) : null}
        {result.today.holiday ? (
          <Alert color="orange" p="xs">
            {t('officeFinder.results.holiday')}
          </Alert>
        ) : null}
      </Stack>
      {result.items.length ? <FinderMap result={result} /> : null}
      <Stack component="ol" gap="sm" p={0} m={0} aria-label={t('officeFinder.results.listLabel')}>
        {result.items.map((o, i) => (
          <OfficeCard
            key={o.id}
            office={o}
            number={i + 1}
            today={result.today.day}
            holidayToday={result.today.holiday}
          />
        ))}
      </Stack>
    </Stack>
  );
}

export function OfficeFinderPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const services = useCatalogServices();
  const [service, setService] = useState<string | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [cityId, setCityId] = useState<string | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const [missing, setMissing] = useState<{ service?: boolean; place?: boolean }>({});
  const [search, setSearch] = useState<FinderSearch | null>(null);
  const cities = useCities(provinceId);
  const finder = useFinder(search);

  const searchFromPlace = (e: FormEvent) => {
    e.preventDefault();
    const lacking = { service: !service, place: !provinceId };
    setMissing(lacking);
    if (lacking.service || lacking.place) return;
    setSearch({ service: service!, provinceId: Number(provinceId), cityId: cityId ? Number(cityId) : undefined });
  };
  const searchFromHere = () => {
    setMissing({ service: !service });
    if (!service) return;
    locate(
      (lat, lon) => setSearch({ service, lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 }),
      setLocating,
    );
  };

  return (
    <Stack>
      <PageTitle title={t('officeFinder.title')} subtitle={t('officeFinder.subtitle')} />
      <Card withBorder component="form" onSubmit={searchFromPlace} noValidate data-testid="finder-form">
        <Stack>
          <Select
            label={t('officeFinder.form.service')}
            placeholder={t('officeFinder.form.servicePlaceholder')}
            required
            searchable
            value={service}
            onChange={(v) => {
              setService(v);
              setMissing((m) => ({ ...m, service: false }));
            }}
            data={(services.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.title) }))}
            nothingFoundMessage={t('common.nothingFound')}
            error={missing.service ? t('officeFinder.form.serviceRequired') : null}
            comboboxProps={{ withinPortal: true }}
            data-testid="finder-service"
          />
          <Button variant="light" onClick={searchFromHere} loading={locating === 'locating'} data-testid="finder-here">
            {t('officeFinder.form.useLocation')}
          </Button>
          {locating === 'denied' || locating === 'unavailable' || locating === 'unsupported' ? (
            <Alert color="orange" role="alert" data-testid="finder-location-problem">
              {t(`officeFinder.location.${locating}`)}
            </Alert>
          ) : null}
          <Divider label={t('officeFinder.form.or')} labelPosition="center" />
          <ProvinceSelect
            value={provinceId}
            placeholder={t('officeFinder.form.provincePlaceholder')}
            required
            onChange={(v) => {
              setProvinceId(v);
              setCityId(null);
              setMissing((m) => ({ ...m, place: false }));
            }}
            error={missing.place ? t('officeFinder.form.placeRequired') : null}
            data-testid="finder-province"
          />
          <Select
            label={t('officeFinder.form.city')}
            placeholder={t('officeFinder.form.cityPlaceholder')}
            searchable
            clearable
            disabled={!provinceId}
            value={cityId}
            onChange={setCityId}
            data={(cities.data?.items ?? []).map((c) => ({ value: String(c.id), label: text(c.name) }))}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="finder-city"
          />
          <Group>
            <Button type="submit" loading={finder.isFetching && !!search?.provinceId} data-testid="finder-search">
              {t('officeFinder.form.search')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <ProblemAlert error={finder.error} />
      {finder.data ? <Results result={finder.data} /> : null}
    </Stack>
  );
}
