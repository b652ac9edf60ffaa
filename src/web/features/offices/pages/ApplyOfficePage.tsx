/**
 * /offices/apply — an application to open an office. A citizen files for themself (their identity
 * comes from their account); a province's association files for a founder, whose details it types.
 * The qualification rule is checked as the degree is chosen; the server's field errors appear
 * next to their fields.
 */
import '../i18n/index.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { founderQualificationProblems, type DegreeField, type DegreeLevel } from '#core/office-licensing';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { MobileField } from '#web/ui/MobileField.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import {
  DEGREE_FIELDS,
  DEGREE_LEVELS,
  useApplications,
  useCities,
  useSubmitApplication,
  type OfficeApplication,
} from '../api/applications';
import { hasRole } from '../components/office-access';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

const SHOWN = [
  'founder',
  'founder.nationalId',
  'founder.firstName',
  'founder.lastName',
  'founder.mobile',
  'degreeLevel',
  'degreeField',
  'university',
  'graduationYear',
  'experienceYears',
  'proposedNameFa',
  'provinceId',
  'cityId',
  'address',
  'location',
  'location.lat',
  'location.lon',
  'plannedCounters',
  'plannedHearingBooths',
];

export const APPLICATION_STATUS_COLOR: Record<string, string> = {
  submitted: 'blue',
  recommended: 'teal',
  'not-recommended': 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ApplyOfficePage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const { user } = useAuth();
  const forFounder = hasRole(user, 'association_admin');
  const submit = useSubmitApplication();
  const mine = useApplications({ page: 1, pageSize: 10 }, !forFounder);

  const [founder, setFounder] = useState({ nationalId: '', firstName: '', lastName: '', mobile: '' });
  const [degreeLevel, setDegreeLevel] = useState<string | null>(null);
  const [degreeField, setDegreeField] = useState<string | null>(null);
  const [university, setUniversity] = useState('');
  // Typed as text: people write the year in Persian digits, which number inputs refuse.
  const [graduationYear, setGraduationYear] = useState('');
  const [experienceYears, setExperienceYears] = useState<string | number>(0);
  const [proposedNameFa, setProposedNameFa] = useState('');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [cityId, setCityId] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [lat, setLat] = useState<string | number>('');
  const [lon, setLon] = useState<string | number>('');
  const [plannedCounters, setPlannedCounters] = useState<string | number>(2);
  const [plannedHearingBooths, setPlannedHearingBooths] = useState<string | number>(0);
  const [tried, setTried] = useState(false);
  const cities = useCities(provinceId);

  const server = fieldErrorsOf(submit.error, lang);
  // The same qualification rule as the server, shown as soon as both parts of the degree are chosen.
  const qualification =
    degreeLevel && degreeField
      ? founderQualificationProblems({ level: degreeLevel as DegreeLevel, field: degreeField as DegreeField })
      : [];
  const local: Record<string, string> = {};
  if (qualification.includes('degree_level_too_low')) local.degreeLevel = t('offices.apply.problems.level');
  if (qualification.includes('degree_field_not_qualifying')) local.degreeField = t('offices.apply.problems.field');
  const required = (v: unknown) => (tried && (v === '' || v == null) ? t('common.required') : undefined);
  const errorOf = (key: string, value?: unknown) =>
    local[key] ?? server[key] ?? (value !== undefined ? required(value) : undefined);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (Object.keys(local).length) return;
    submit.mutate({
      ...(forFounder ? { founder } : {}),
      // Unchosen, they go empty and come back as the server's field errors.
      degreeLevel: (degreeLevel ?? '') as DegreeLevel,
      degreeField: (degreeField ?? '') as DegreeField,
      university,
      // A blank number goes absent, and the server names it as required.
      graduationYear: enteredNumber(graduationYear.trim()),
      experienceYears: enteredNumber(experienceYears),
      proposedNameFa,
      // Unchosen, they go absent rather than as 0, and the server names them as required.
      provinceId: provinceId ? Number(provinceId) : undefined,
      cityId: cityId ? Number(cityId) : undefined,
      address,
      location: { lat: enteredNumber(lat), lon: enteredNumber(lon) },
      plannedCounters: enteredNumber(plannedCounters),
      plannedHearingBooths: enteredNumber(plannedHearingBooths),
    });
  }

  const done = submit.data;
  return (
    <Stack maw={900}>
      <PageTitle
        title={t('offices.apply.title')}
        subtitle={t(forFounder ? 'offices.apply.subtitleAssociation' : 'offices.apply.subtitle')}
      />

      {done ? (
        <Alert color="teal" title={t('offices.apply.submittedTitle')} data-testid="apply-done">
          <Stack gap="xs">
            <Text>
              {t('offices.apply.submitted')} <PersianDigits ltr>{done.id}</PersianDigits>
            </Text>
            {forFounder ? (
              <Anchor component={Link} to={`/office-applications/${done.id}`}>
                {t('offices.apply.open')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="apply-form">
          <Stack>
            {forFounder ? (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('offices.apply.founder')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NationalIdField
                    value={founder.nationalId}
                    onChange={(v) => setFounder((f) => ({ ...f, nationalId: v }))}
                    serverError={server['founder.nationalId'] ?? server.founder}
                    forceValidate={tried}
                    required
                    data-testid="apply-founder-nid"
                  />
                  <MobileField
                    value={founder.mobile}
                    onChange={(v) => setFounder((f) => ({ ...f, mobile: v }))}
                    serverError={server['founder.mobile']}
                    forceValidate={tried}
                    required
                    data-testid="apply-founder-mobile"
                  />
                  <TextInput
                    label={t('offices.apply.firstName')}
                    value={founder.firstName}
                    onChange={(e) => setFounder((f) => ({ ...f, firstName: e.currentTarget.value }))}
                    error={errorOf('founder.firstName', founder.firstName)}
                    required
                    data-testid="apply-founder-first"
                  />
                  <TextInput
                    label={t('offices.apply.lastName')}
                    value={founder.lastName}
                    onChange={(e) => setFounder((f) => ({ ...f, lastName: e.currentTarget.value }))}
                    error={errorOf('founder.lastName', founder.lastName)}
                    required
                    data-testid="apply-founder-last"
                  />
                </SimpleGrid>
              </Card>
            ) : (
              <Text c="dimmed">{t('offices.apply.asYourself', { name: user?.displayName ?? '' })}</Text>
            )}

            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('offices.apply.qualifications')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('offices.apply.rule')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('offices.apply.degreeLevel')}
                  data={DEGREE_LEVELS.map((v) => ({ value: v, label: t(`offices.degreeLevels.${v}`) }))}
                  value={degreeLevel}
                  onChange={setDegreeLevel}
                  error={errorOf('degreeLevel', degreeLevel)}
                  required
                  data-testid="apply-degree-level"
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('offices.apply.degreeField')}
                  data={DEGREE_FIELDS.map((v) => ({ value: v, label: t(`offices.degreeFields.${v}`) }))}
                  value={degreeField}
                  onChange={setDegreeField}
                  error={errorOf('degreeField', degreeField)}
                  required
                  data-testid="apply-degree-field"
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t('offices.apply.university')}
                  value={university}
                  onChange={(e) => setUniversity(e.currentTarget.value)}
                  error={errorOf('university', university)}
                  required
                  data-testid="apply-university"
                />
                <DigitsInput
                  label={t('offices.apply.graduationYear')}
                  description={t('offices.apply.graduationYearHint')}
                  value={graduationYear}
                  onChange={setGraduationYear}
                  maxLength={4}
                  error={errorOf('graduationYear', graduationYear)}
                  required
                  data-testid="apply-graduation"
                />
                <NumberInput
                  label={t('offices.apply.experienceYears')}
                  value={experienceYears}
                  onChange={setExperienceYears}
                  min={0}
                  max={60}
                  error={errorOf('experienceYears')}
                />
              </SimpleGrid>
            </Card>

            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('offices.apply.place')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('offices.apply.proposedName')}
                  value={proposedNameFa}
                  onChange={(e) => setProposedNameFa(e.currentTarget.value)}
                  error={errorOf('proposedNameFa', proposedNameFa)}
                  required
                  data-testid="apply-name"
                />
                <ProvinceSelect
                  label={t('ui.province.label')}
                  placeholder={t('offices.apply.choose')}
                  value={provinceId}
                  onChange={(v) => {
                    setProvinceId(v);
                    setCityId(null);
                  }}
                  error={errorOf('provinceId', provinceId)}
                  required
                  clearable={false}
                  data-testid="apply-province"
                />
                <Select
                  label={t('offices.apply.city')}
                  placeholder={t('offices.apply.choose')}
                  data={(cities.data?.items ?? []).map((c) => ({ value: String(c.id), label: text(c.name) }))}
                  value={cityId}
                  onChange={setCityId}
                  disabled={!provinceId}
                  searchable
                  error={errorOf('cityId', cityId)}
                  required
                  data-testid="apply-city"
                  comboboxProps={{ withinPortal: true }}
                  nothingFoundMessage={t('common.nothingFound')}
                />
                <TextInput
                  label={t('offices.list.columns.address')}
                  value={address}
                  onChange={(e) => setAddress(e.currentTarget.value)}
                  error={errorOf('address', address)}
                  required
                  data-testid="apply-address"
                />
                <NumberInput
                  label={t('offices.profile.lat')}
                  value={lat}
                  onChange={setLat}
                  decimalScale={5}
                  error={errorOf('location', lat) ?? server['location.lat']}
                  required
                  data-testid="apply-lat"
                />
                <NumberInput
                  label={t('offices.profile.lon')}
                  value={lon}
                  onChange={setLon}
                  decimalScale={5}
                  error={server['location.lon'] ?? required(lon)}
                  required
                  data-testid="apply-lon"
                />
                <NumberInput
                  label={t('offices.apply.plannedCounters')}
                  value={plannedCounters}
                  onChange={setPlannedCounters}
                  min={1}
                  max={50}
                  error={errorOf('plannedCounters')}
                />
                <NumberInput
                  label={t('offices.apply.plannedHearingBooths')}
                  value={plannedHearingBooths}
                  onChange={setPlannedHearingBooths}
                  min={0}
                  max={20}
                  error={errorOf('plannedHearingBooths')}
                />
              </SimpleGrid>
            </Card>

            <ProblemAlert error={submit.error} shownFields={SHOWN} />
            <Group>
              <Button type="submit" loading={submit.isPending} data-testid="apply-submit">
                {t('offices.apply.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {!forFounder && mine.data && mine.data.items.length > 0 ? <MyApplications items={mine.data.items} /> : null}
    </Stack>
  );
}

/** The citizen's own applications and where each stands. */
function MyApplications({ items }: { items: OfficeApplication[] }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const columns: DataColumn<OfficeApplication>[] = [
    {
      key: 'id',
      header: t('offices.applications.columns.id'),
      cell: (a) => <PersianDigits ltr>{a.id}</PersianDigits>,
      sortValue: (a) => a.id,
      numeric: true,
    },
    { key: 'name', header: t('offices.apply.proposedName'), cell: (a) => a.proposedNameFa },
    { key: 'province', header: t('offices.list.columns.province'), cell: (a) => text(a.province.name) },
    {
      key: 'status',
      header: t('offices.list.columns.status'),
      cell: (a) => (
        <>
          <Badge variant="light" color={APPLICATION_STATUS_COLOR[a.status]}>
            {t(`offices.applications.status.${a.status}`)}
          </Badge>
          {a.office ? (
            <>
              {' '}
              <Anchor component={Link} to={`/offices/${a.office.id}`}>
                <PersianDigits ltr>{a.office.code}</PersianDigits>
              </Anchor>
            </>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Card withBorder data-testid="my-applications">
      <Title order={2} size="h4" mb="sm">
        {t('offices.apply.mine')}
      </Title>
      <DataTable
        testId="my-applications-table"
        caption={t('offices.apply.mineCaption')}
        columns={columns}
        rowKey={(a) => a.id}
        rows={items}
        minWidth={480}
      />
    </Card>
  );
}
