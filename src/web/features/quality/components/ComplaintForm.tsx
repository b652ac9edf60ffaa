/**
 * Filing a complaint against an office (docs/decisions/0063): the office, what it is about, the day
 * it happened and what happened. At an office the operator first names the citizen by national ID.
 * The server's errors are shown beside the field they name.
 */
import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '#core/quality/complaint';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type Complaint, useCitizenLookup, useFileComplaint } from '../api/complaints';

export function ComplaintForm({ atOffice, onDone }: { atOffice: boolean; onDone: (c: Complaint) => void }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const file = useFileComplaint();
  const lookup = useCitizenLookup();
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [day, setDay] = useState(() => formatJalaliIso(isoToJalali(tehranIsoDate())));
  const [text, setText] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(file.error, lang);
  const lookupErrors = fieldErrorsOf(lookup.error, lang);
  const required = (v: unknown) => (missing && !v ? t('quality.complaint.required') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!officeId || !category || !text.trim() || (atOffice && !nationalId.trim())) {
      setMissing(true);
      return;
    }
    let citizenId: number | undefined;
    if (atOffice) {
      const citizen = await lookup.mutateAsync(nationalId).catch(() => null);
      if (!citizen) return;
      citizenId = citizen.id;
    }
    file.mutate(
      { officeId: Number(officeId), category: category as ComplaintCategory, occurredOn: day, text, citizenId },
      { onSuccess: onDone },
    );
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="complaint-form">
      <Stack>
        <Title order={2} size="h4">
          {t('quality.complaint.formTitle')}
        </Title>
        {atOffice ? (
          <TextInput
            label={t('quality.complaint.nationalId')}
            description={t('quality.complaint.nationalIdHint')}
            value={nationalId}
            onChange={(e) => setNationalId(e.currentTarget.value)}
            inputMode="numeric"
            withAsterisk
            maw={240}
            error={lookupErrors.nationalId ?? errors.citizenId ?? required(nationalId.trim())}
            data-testid="complaint-national-id"
          />
        ) : null}
        <OfficeSelect
          label={t('quality.complaint.office')}
          value={officeId}
          onChange={setOfficeId}
          withAsterisk
          error={errors.officeId ?? required(officeId)}
          data-testid="complaint-office"
        />
        <Select
          label={t('quality.complaint.category')}
          data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`quality.complaint.categories.${c}`) }))}
          value={category}
          onChange={setCategory}
          withAsterisk
          error={errors.category ?? required(category)}
          comboboxProps={{ withinPortal: true }}
          data-testid="complaint-category"
        />
        <JalaliDateInput
          label={t('quality.complaint.occurredOn')}
          value={day}
          onChange={setDay}
          serverError={errors.occurredOn}
          withAsterisk
          maw={240}
          data-testid="complaint-day"
        />
        <Textarea
          label={t('quality.complaint.text')}
          description={t('quality.complaint.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          withAsterisk
          error={errors.text ?? required(text.trim())}
          data-testid="complaint-text"
        />
        <ProblemAlert
          error={file.error ?? lookup.error}
          shownFields={['officeId', 'category', 'occurredOn', 'text', 'citizenId', 'nationalId']}
        />
        <Group>
          <Button type="submit" loading={file.isPending || lookup.isPending} data-testid="complaint-submit">
            {t('quality.complaint.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
