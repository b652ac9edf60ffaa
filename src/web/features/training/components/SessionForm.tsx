import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useCourses } from '../api/courses';
import { useCreateSession } from '../api/sessions';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

/** Schedules a session: a province admin in their province; a national admin anywhere or online (no province). */
export function SessionForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { user } = useAuth();
  const provinceGrant = user?.roles.find((g) => g.role === 'association_admin' && g.scope.kind === 'province');
  const national = !!user?.roles.some((g) => g.role === 'association_admin' && g.scope.kind === 'nation');
  const courses = useCourses();
  const create = useCreateSession();
  const [courseId, setCourseId] = useState<string | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(
    provinceGrant ? String(provinceGrant.scope.provinceId) : null,
  );
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [capacity, setCapacity] = useState<number | string>(30);
  const [location, setLocation] = useState('');
  const errors = fieldErrorsOf(create.error, lang);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        courseId: Number(courseId),
        provinceId: provinceId ? Number(provinceId) : null,
        startsOn,
        endsOn,
        capacity: enteredNumber(capacity),
        location,
      },
      {
        onSuccess: () => {
          setStartsOn('');
          setEndsOn('');
          setLocation('');
        },
      },
    );
  };

  return (
    <FormSection
      as="form"
      title={t('training.admin.newSession')}
      onSubmit={submit}
      data-testid="session-form"
      actions={
        <Button type="submit" loading={create.isPending} data-testid="create-session">
          {t('training.admin.createSession')}
        </Button>
      }
    >
      <ProblemAlert
        error={create.error}
        shownFields={['courseId', 'provinceId', 'startsOn', 'endsOn', 'capacity', 'location']}
      />
      {create.isSuccess ? <div role="status">{t('training.admin.sessionCreated')}</div> : null}
      <Group grow align="flex-start">
        <Select
          label={t('training.admin.course')}
          value={courseId}
          onChange={setCourseId}
          required
          searchable
          error={errors.courseId}
          data={(courses.data?.items ?? []).map((c) => ({
            value: String(c.id),
            label: `${c.code} — ${lang === 'fa' ? c.titleFa : c.titleEn}`,
          }))}
          comboboxProps={{ withinPortal: true }}
          data-testid="session-course"
        />
        <ProvinceSelect
          value={provinceId}
          onChange={setProvinceId}
          disabled={!national}
          error={errors.provinceId}
          placeholder={t('training.admin.online')}
          description={national ? t('training.admin.provinceHint') : undefined}
          data-testid="session-province"
        />
      </Group>
      <Group grow align="flex-start">
        <JalaliDateInput
          label={t('training.admin.startsOn')}
          value={startsOn}
          onChange={setStartsOn}
          serverError={errors.startsOn ?? null}
          required
          data-testid="session-starts"
        />
        <JalaliDateInput
          label={t('training.admin.endsOn')}
          value={endsOn}
          onChange={setEndsOn}
          serverError={errors.endsOn ?? null}
          required
          data-testid="session-ends"
        />
        <NumberInput
          label={t('training.admin.capacity')}
          value={capacity}
          onChange={setCapacity}
          min={1}
          max={500}
          allowDecimal={false}
          error={errors.capacity}
          required
          data-testid="session-capacity"
        />
      </Group>
      <TextInput
        label={t('training.admin.location')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        error={errors.location}
        required
        data-testid="session-location"
      />
    </FormSection>
  );
}
