/**
 * The "new staff member" form. Identifiers are checked as they are typed (the same functions the
 * server uses, from src/core); whatever the server still rejects comes back as problem+json field
 * errors and is shown under the matching field, in the reader's language.
 */
import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isValidMobile, isValidNationalId, isValidSheba } from '#core/identifiers';
import { parseJalaliDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth, type Role, type RoleGrant } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { MobileField } from '#web/ui/MobileField.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { ShebaField } from '#web/ui/ShebaField.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCreateUser, type CreateUserInput } from '../api/create-user';

/** Which roles each granter may hand out (the server re-checks, with scopes). */
const GRANTABLE: Partial<Record<Role, Role[]>> = {
  regulator_admin: ['operator', 'office_manager', 'association_admin', 'inspector', 'regulator_admin'],
  association_admin: ['operator', 'office_manager'],
  office_manager: ['operator'],
};

const OFFICE_ROLES: Role[] = ['operator', 'office_manager'];
const PROVINCE_ROLES: Role[] = ['association_admin', 'inspector'];

const FIELDS = [
  'username',
  'password',
  'firstName',
  'lastName',
  'nationalId',
  'mobile',
  'birthDate',
  'sheba',
  'role',
  'officeId',
  'provinceId',
] as const;

interface FormState {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  birthDate: string;
  sheba: string;
  role: Role | null;
  officeId: string | null;
  provinceId: string | null;
}

const EMPTY: FormState = {
  username: '',
  password: '',
  firstName: '',
  lastName: '',
  nationalId: '',
  mobile: '',
  birthDate: '',
  sheba: '',
  role: null,
  officeId: null,
  provinceId: null,
};

function grantsOf(roles: RoleGrant[]): Role[] {
  const out = new Set<Role>();
  for (const g of roles) for (const r of GRANTABLE[g.role] ?? []) out.add(r);
  return [...out];
}

export function CreateStaffForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text } = useDigits();
  const { user } = useAuth();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [submitted, setSubmitted] = useState(false);

  const roles = user?.roles ?? [];
  const grantable = grantsOf(roles);
  const isRegulator = roles.some((g) => g.role === 'regulator_admin');
  const associationGrant = roles.find((g) => g.role === 'association_admin');
  const managerGrant = roles.find((g) => g.role === 'office_manager');
  // An office manager (without wider roles) can only add staff to their own office.
  const fixedOffice = !isRegulator && !associationGrant && managerGrant?.scope.officeId ? managerGrant : null;
  // A provincial association admin picks offices in their province only.
  const fixedProvinceId =
    !isRegulator && associationGrant?.scope.kind === 'province' && associationGrant.scope.provinceId != null
      ? String(associationGrant.scope.provinceId)
      : null;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const serverErrors = fieldErrorsOf(create.error, lang);
  const needsOffice = !!form.role && OFFICE_ROLES.includes(form.role);
  const needsProvince = !!form.role && PROVINCE_ROLES.includes(form.role);

  // Local checks shown after the first submit attempt (typing-time checks live in the fields).
  const localErrors = useMemo(() => {
    const e: Partial<Record<(typeof FIELDS)[number], string>> = {};
    const required = t('common.required');
    if (!form.username.trim()) e.username = required;
    if (!form.password) e.password = required;
    if (!form.firstName.trim()) e.firstName = required;
    if (!form.lastName.trim()) e.lastName = required;
    if (!form.nationalId) e.nationalId = required;
    else if (!isValidNationalId(form.nationalId)) e.nationalId = t('ui.nationalId.invalid');
    if (!form.mobile) e.mobile = required;
    else if (!isValidMobile(form.mobile)) e.mobile = t('ui.mobile.invalid');
    if (form.sheba && !isValidSheba(form.sheba)) e.sheba = t('ui.sheba.invalid');
    if (form.birthDate && !parseJalaliDate(form.birthDate)) e.birthDate = t('ui.jalaliDate.invalid');
    if (!form.role) e.role = required;
    if (needsOffice && !fixedOffice && !form.officeId) e.officeId = required;
    return e;
  }, [form, needsOffice, fixedOffice, t]);

  const errorOf = (field: (typeof FIELDS)[number]) =>
    serverErrors[field] ?? (submitted ? localErrors[field] : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(localErrors).length > 0) return;
    const role = form.role as CreateUserInput['role'];
    const input: CreateUserInput = {
      username: form.username.trim(),
      password: form.password,
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      nationalId: form.nationalId,
      mobile: form.mobile,
      role,
      ...(form.birthDate ? { birthDate: form.birthDate } : {}),
      ...(form.sheba ? { sheba: form.sheba } : {}),
    };
    if (OFFICE_ROLES.includes(role)) {
      const officeId = fixedOffice?.scope.officeId ?? form.officeId;
      if (officeId != null) input.officeId = Number(officeId);
    }
    if (PROVINCE_ROLES.includes(role)) {
      const provinceId = fixedProvinceId ?? form.provinceId;
      if (provinceId != null) input.provinceId = Number(provinceId);
    }
    create.mutate(input, {
      onSuccess: ({ user: created }) => {
        notifications.show({
          color: 'teal',
          closeButtonProps: { 'aria-label': t('common.close') },
          title: t('identity.createStaff.created'),
          message: created?.displayName ?? `${input.firstName} ${input.lastName}`,
        });
        navigate('/users');
      },
    });
  };

  if (grantable.length === 0) {
    return <Text>{t('identity.createStaff.cannotGrant')}</Text>;
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('identity.createStaff.title')} data-testid="create-staff-form">
      <Stack>
        <ProblemAlert error={create.error} shownFields={[...FIELDS]} title={t('identity.createStaff.failed')} />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('identity.createStaff.firstName')}
            value={form.firstName}
            onChange={(e) => set('firstName', e.currentTarget.value)}
            required
            autoComplete="off"
            error={errorOf('firstName')}
            data-testid="staff-first-name"
          />
          <TextInput
            label={t('identity.createStaff.lastName')}
            value={form.lastName}
            onChange={(e) => set('lastName', e.currentTarget.value)}
            required
            autoComplete="off"
            error={errorOf('lastName')}
            data-testid="staff-last-name"
          />
          <NationalIdField
            value={form.nationalId}
            onChange={(v) => set('nationalId', v)}
            required
            forceValidate={submitted}
            serverError={errorOf('nationalId')}
          />
          <MobileField
            value={form.mobile}
            onChange={(v) => set('mobile', v)}
            required
            forceValidate={submitted}
            serverError={errorOf('mobile')}
            data-testid="mobile-input"
          />
          <JalaliDateInput
            label={t('identity.createStaff.birthDate')}
            value={form.birthDate}
            onChange={(v) => set('birthDate', v)}
            serverError={errorOf('birthDate')}
            data-testid="birth-date-input"
          />
          <ShebaField
            value={form.sheba}
            onChange={(v) => set('sheba', v)}
            description={t('identity.createStaff.shebaHint')}
            forceValidate={submitted && !!form.sheba}
            serverError={errorOf('sheba')}
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('identity.createStaff.username')}
            value={form.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            required
            dir="ltr"
            autoComplete="off"
            error={errorOf('username')}
            data-testid="new-staff-username"
          />
          <PasswordInput
            label={t('identity.createStaff.password')}
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={errorOf('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('identity.signIn.showPassword') }}
            data-testid="new-staff-password"
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('identity.createStaff.role')}
            placeholder={t('identity.createStaff.rolePlaceholder')}
            data={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={form.role}
            onChange={(v) => set('role', v as Role | null)}
            required
            error={errorOf('role')}
            data-testid="staff-role"
          />
          {needsOffice ? (
            fixedOffice ? (
              <TextInput
                label={t('ui.office.label')}
                value={text(fixedOffice.scope.label)}
                readOnly
                data-testid="staff-office-fixed"
              />
            ) : (
              <OfficeSelect
                provinceId={fixedProvinceId}
                value={form.officeId}
                onChange={(v) => set('officeId', v)}
                required
                error={errorOf('officeId')}
                data-testid="staff-office"
              />
            )
          ) : null}
          {needsProvince ? (
            fixedProvinceId ? null : (
              <ProvinceSelect
                label={t('identity.createStaff.province')}
                placeholder={t('identity.createStaff.nationwide')}
                value={form.provinceId}
                onChange={(v) => set('provinceId', v)}
                error={errorOf('provinceId')}
                data-testid="staff-province"
              />
            )
          ) : null}
        </SimpleGrid>

        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate('/users')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="create-staff-submit">
            {t('identity.createStaff.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
