/** The manager's forms on a staff record: a new contract, a new insurance period, ending either, the profile and the photo. */
import { Button, FileInput, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  useAddContract,
  useAddInsurance,
  useEndInsurance,
  useTerminateContract,
  useUpdateProfile,
  useUploadPhoto,
  type Contract,
  type ContractType,
  type InsurancePeriod,
  type StaffRecord,
} from '../api/staff';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

const done = (title: string, close: string) =>
  notifications.show({ color: 'teal', title, message: '', closeButtonProps: { 'aria-label': close } });

/** A period being typed: its first day and its last (empty: open-ended). */
function usePeriod() {
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const clear = () => {
    setStartsOn('');
    setEndsOn('');
  };
  return { startsOn, endsOn, setStartsOn, setEndsOn, clear };
}

/**
 * A contract's or an insurance period's first day (required) and last day (none: open-ended), with
 * the server's errors for `startsOn` and `endsOn`; test ids `<testId>-starts` and `<testId>-ends`.
 */
function PeriodInputs({
  form,
  testId,
  period,
  errors,
  endsHint,
}: {
  form: 'contractForm' | 'insuranceForm';
  testId: string;
  period: ReturnType<typeof usePeriod>;
  errors: Record<string, string | undefined>;
  endsHint?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <JalaliDateInput
        label={t(`staff.${form}.startsOn`)}
        value={period.startsOn}
        onChange={period.setStartsOn}
        serverError={errors.startsOn}
        required
        data-testid={`${testId}-starts`}
      />
      <JalaliDateInput
        label={t(`staff.${form}.endsOn`)}
        description={endsHint}
        value={period.endsOn}
        onChange={period.setEndsOn}
        serverError={errors.endsOn}
        data-testid={`${testId}-ends`}
      />
    </>
  );
}

export function ContractForm({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useAddContract(personId);
  const errors = fieldErrorsOf(mutation.error, lang);
  const [type, setType] = useState<ContractType>('fixed-term');
  const [fullTime, setFullTime] = useState(true);
  const [weeklyHours, setWeeklyHours] = useState<number | string>(44);
  const [wage, setWage] = useState<number | string>('');
  const period = usePeriod();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      {
        type,
        fullTime,
        weeklyHours: enteredNumber(weeklyHours),
        monthlyWageRials: enteredNumber(wage),
        startsOn: period.startsOn,
        endsOn: period.endsOn || null,
      },
      {
        onSuccess: () => {
          done(t('staff.contractForm.saved'), t('common.close'));
          period.clear();
        },
      },
    );
  };
  const shown = ['type', 'fullTime', 'weeklyHours', 'monthlyWageRials', 'startsOn', 'endsOn'];
  return (
    <FormSection
      as="form"
      level={3}
      title={t('staff.contractForm.title')}
      onSubmit={submit}
      data-testid="contract-form"
      actions={
        <Button type="submit" loading={mutation.isPending} data-testid="contract-submit">
          {t('staff.contractForm.submit')}
        </Button>
      }
    >
      <ProblemAlert error={mutation.error} shownFields={shown} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('staff.contractForm.type')}
          data={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`staff.contractTypes.${c}`) }))}
          value={type}
          onChange={(v) => v && setType(v as ContractType)}
          allowDeselect={false}
          error={errors.type}
          data-testid="contract-type"
        />
        <NumberInput
          label={t('staff.contractForm.weeklyHours')}
          value={weeklyHours}
          onChange={setWeeklyHours}
          min={1}
          max={60}
          error={errors.weeklyHours}
          data-testid="contract-hours"
        />
        <NumberInput
          label={t('staff.contractForm.wage')}
          value={wage}
          onChange={setWage}
          min={0}
          thousandSeparator=","
          error={errors.monthlyWageRials}
          data-testid="contract-wage"
        />
        <PeriodInputs
          form="contractForm"
          testId="contract"
          period={period}
          errors={errors}
          endsHint={t('staff.contractForm.endsOnHint')}
        />
        <Switch
          label={t('staff.contractForm.fullTime')}
          checked={fullTime}
          onChange={(e) => setFullTime(e.currentTarget.checked)}
          mt="xl"
          data-testid="contract-fulltime"
        />
      </SimpleGrid>
    </FormSection>
  );
}

export function InsuranceForm({ personId, defaultNumber }: { personId: number; defaultNumber: string | null }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useAddInsurance(personId);
  const errors = fieldErrorsOf(mutation.error, lang);
  const [insuranceNumber, setNumber] = useState(defaultNumber ?? '');
  const period = usePeriod();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { insuranceNumber, startsOn: period.startsOn, endsOn: period.endsOn || null },
      {
        onSuccess: () => {
          done(t('staff.insuranceForm.saved'), t('common.close'));
          period.clear();
        },
      },
    );
  };
  return (
    <FormSection
      as="form"
      level={3}
      title={t('staff.insuranceForm.title')}
      onSubmit={submit}
      data-testid="insurance-form"
      actions={
        <Button type="submit" loading={mutation.isPending} data-testid="insurance-submit">
          {t('staff.insuranceForm.submit')}
        </Button>
      }
    >
      <ProblemAlert error={mutation.error} shownFields={['insuranceNumber', 'startsOn', 'endsOn']} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DigitsInput
          label={t('staff.insuranceForm.number')}
          value={insuranceNumber}
          onChange={setNumber}
          error={errors.insuranceNumber}
          required
          data-testid="insurance-number"
        />
        <PeriodInputs form="insuranceForm" testId="insurance" period={period} errors={errors} />
      </SimpleGrid>
    </FormSection>
  );
}

export function TerminateModal({ contract, onClose }: { contract: Contract | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useTerminateContract();
  const errors = fieldErrorsOf(mutation.error, lang);
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const close = () => {
    mutation.reset();
    setOn('');
    setReason('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!contract) return;
    mutation.mutate(
      { id: contract.id, on, reason },
      {
        onSuccess: () => {
          done(t('staff.terminate.done'), t('common.close'));
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={!!contract}
      onClose={close}
      title={t('staff.terminate.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={mutation.error} shownFields={['on', 'reason']} />
          <JalaliDateInput
            label={t('staff.terminate.on')}
            value={on}
            onChange={setOn}
            serverError={errors.on}
            required
            data-testid="terminate-on"
          />
          <Textarea
            label={t('staff.terminate.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            data-testid="terminate-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending} data-testid="terminate-submit">
              {t('staff.terminate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function EndInsuranceModal({ period, onClose }: { period: InsurancePeriod | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useEndInsurance();
  const errors = fieldErrorsOf(mutation.error, lang);
  const [endsOn, setEndsOn] = useState('');
  const close = () => {
    mutation.reset();
    setEndsOn('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!period) return;
    mutation.mutate(
      { id: period.id, endsOn },
      {
        onSuccess: () => {
          done(t('staff.endInsurance.done'), t('common.close'));
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={!!period}
      onClose={close}
      title={t('staff.endInsurance.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={mutation.error} shownFields={['endsOn']} />
          <JalaliDateInput
            label={t('staff.endInsurance.endsOn')}
            value={endsOn}
            onChange={setEndsOn}
            serverError={errors.endsOn}
            required
            data-testid="end-insurance-on"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="end-insurance-submit">
              {t('staff.endInsurance.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ProfileForm({ record }: { record: StaffRecord }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mutation = useUpdateProfile(record.id);
  const photo = useUploadPhoto(record.id);
  const errors = fieldErrorsOf(mutation.error, lang);
  const [level, setLevel] = useState<string | null>(record.profile.educationLevel);
  const [field, setField] = useState(record.profile.educationField ?? '');
  const [number, setNumber] = useState(record.profile.insuranceNumber ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      {
        // The select offers only the education levels.
        educationLevel: level as (typeof EDUCATION_LEVELS)[number] | null,
        educationField: field || null,
        insuranceNumber: number || null,
      },
      { onSuccess: () => done(t('staff.record.profileSaved'), t('common.close')) },
    );
  };
  return (
    <FormSection
      as="form"
      level={3}
      title={t('staff.record.profile')}
      onSubmit={submit}
      data-testid="profile-form"
      actions={
        <Button type="submit" loading={mutation.isPending} data-testid="profile-submit">
          {t('staff.record.saveProfile')}
        </Button>
      }
    >
      <ProblemAlert
        error={mutation.error ?? photo.error}
        shownFields={['educationLevel', 'educationField', 'insuranceNumber']}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('staff.record.educationLevel')}
          data={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`staff.education.${l}`) }))}
          value={level}
          onChange={setLevel}
          clearable
          error={errors.educationLevel}
        />
        <TextInput
          label={t('staff.record.educationField')}
          value={field}
          onChange={(e) => setField(e.currentTarget.value)}
          error={errors.educationField}
        />
        <DigitsInput
          label={t('staff.record.insuranceNumber')}
          value={number}
          onChange={setNumber}
          error={errors.insuranceNumber}
          data-testid="profile-insurance-number"
        />
      </SimpleGrid>
      <FileInput
        label={t('staff.record.uploadPhoto')}
        accept="image/jpeg,image/png"
        clearable={false}
        data-testid="photo-input"
        onChange={(file) =>
          file && photo.mutate(file, { onSuccess: () => done(t('staff.record.photoSaved'), t('common.close')) })
        }
      />
    </FormSection>
  );
}
