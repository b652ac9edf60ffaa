import { Button, MultiSelect, Select, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSaveCourse } from '../api/courses';
import { COURSE_KINDS } from '#server/modules/operators/values';
import type { Course, CourseInput } from '../api/courses';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const KINDS = COURSE_KINDS;

/** Creates a course of the national catalog, or edits `course`. */
export function CourseForm({ course, onDone }: { course?: Course; onDone?: (c: Course) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const save = useSaveCourse();
  const services = useCatalogServices();
  const [code, setCode] = useState(course?.code ?? '');
  const [titleFa, setTitleFa] = useState(course?.titleFa ?? '');
  const [titleEn, setTitleEn] = useState(course?.titleEn ?? '');
  const [kind, setKind] = useState<string>(course?.kind ?? 'competency');
  const [serviceCodes, setServiceCodes] = useState<string[]>(course?.serviceCodes ?? []);
  const [hours, setHours] = useState<number | string>(course?.hours ?? 8);
  const [description, setDescription] = useState(course?.description ?? '');
  const [active, setActive] = useState(course?.active ?? true);
  const errors = fieldErrorsOf(save.error, lang);
  const serviceError = Object.entries(errors).find(([f]) => f.startsWith('serviceCodes'))?.[1];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input: CourseInput = {
      code,
      titleFa,
      titleEn,
      kind: kind as CourseInput['kind'],
      serviceCodes,
      hours: enteredNumber(hours),
      description: description || null,
      active,
    };
    save.mutate(
      { id: course?.id, input },
      {
        onSuccess: (saved) => {
          if (!course) {
            setCode('');
            setTitleFa('');
            setTitleEn('');
            setServiceCodes([]);
            setDescription('');
          }
          onDone?.(saved);
        },
      },
    );
  };

  const options = (services.data?.items ?? [])
    .filter((s) => s.channels !== 'online')
    .map((s) => ({ value: s.code, label: `${s.title[lang] ?? s.code} (${s.code})` }));
  return (
    <FormSection
      as="form"
      title={course ? t('training.admin.editCourse') : t('training.admin.newCourse')}
      onSubmit={submit}
      data-testid="course-form"
      actions={
        <Button type="submit" loading={save.isPending} data-testid="save-course">
          {course ? t('training.admin.saveCourse') : t('training.admin.createCourse')}
        </Button>
      }
    >
      <ProblemAlert
        error={save.error}
        shownFields={[
          'code',
          'titleFa',
          'titleEn',
          'kind',
          'hours',
          'description',
          ...Object.keys(errors).filter((f) => f.startsWith('serviceCodes')),
        ]}
      />
      {/* One column on a phone: three side by side left the kind's select too narrow to read. */}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('training.admin.code')}
          description={t('training.admin.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          required
          dir="ltr"
          data-testid="course-code"
        />
        <Select
          label={t('training.admin.kind')}
          value={kind}
          onChange={(v) => setKind(v ?? 'competency')}
          data={KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          error={errors.kind}
          allowDeselect={false}
          data-testid="course-kind"
        />
        <NumberInput
          label={t('training.admin.hours')}
          value={hours}
          onChange={setHours}
          min={1}
          max={200}
          allowDecimal={false}
          error={errors.hours}
          required
          data-testid="course-hours"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('training.admin.titleFa')}
          value={titleFa}
          onChange={(e) => setTitleFa(e.currentTarget.value)}
          error={errors.titleFa}
          required
          data-testid="course-title-fa"
        />
        <TextInput
          label={t('training.admin.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
          error={errors.titleEn}
          required
          dir="ltr"
          data-testid="course-title-en"
        />
      </SimpleGrid>
      <MultiSelect
        label={t('training.admin.services')}
        description={t('training.admin.servicesHint')}
        data={options}
        value={serviceCodes}
        onChange={setServiceCodes}
        searchable
        clearable
        error={serviceError}
        comboboxProps={{ withinPortal: true }}
        data-testid="course-services"
      />
      <Textarea
        label={t('training.admin.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
        data-testid="course-description"
      />
      <Switch
        label={t('training.admin.active')}
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
        data-testid="course-active"
      />
    </FormSection>
  );
}
