/**
 * /tariffs/:id — one schedule: its state, dates, source and note, who drafted and approved it, and
 * every fee at an office and online beside the schedule in force on its start. A draft's fees are
 * edited in place; the regulator approves it (never their own draft) after a confirmation.
 */
import '../i18n/index.ts';
import { Alert, Anchor, Button, Card, Group, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  useApproveSchedule,
  useDeleteDraft,
  useEditDraft,
  useSchedule,
  useScheduleChanges,
  type LineChange,
  type Schedule,
} from '../api/schedules';
import { canApprove, canDraft, ChangePercent, JalaliDay, StateBadge } from '../components/schedule-ui';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

type Amounts = Record<string, { office: string | number; online: string | number }>;

function LinesTable({ schedule, changes, editable }: { schedule: Schedule; changes: LineChange[]; editable: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const edit = useEditDraft(schedule.id);
  const [amounts, setAmounts] = useState<Amounts>({});
  // The schema names a line by its place in the lines sent (`lines.0.amountRials`, e.g. a blank
  // amount); the table names it by its code, as the server's own checks do.
  const sent = edit.variables?.lines ?? [];
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(edit.error, lang)).map(([field, message]) => {
      const at = /^lines\.(\d+)\.(.+)$/.exec(field);
      const code = at ? sent[Number(at[1])]?.code : undefined;
      return [code ? `lines.${code}.${at?.[2]}` : field, message];
    }),
  );
  const lineOf = new Map(schedule.lines.map((l) => [l.code, l]));
  const dirty = Object.keys(amounts).length > 0;
  const save = () => {
    const lines = Object.entries(amounts).map(([code, a]) => ({
      code,
      // A blank office amount goes absent, and the server names it as required; a blank online
      // amount means the office's.
      amountRials: enteredNumber(a.office),
      onlineAmountRials: enteredNumber(a.online) ?? null,
    }));
    edit.mutate(
      { lines },
      {
        onSuccess: () => {
          setAmounts({});
          notifications.show({ color: 'teal', message: t('tariffs.schedules.saved') });
        },
      },
    );
  };
  const value = (code: string, which: 'office' | 'online') => {
    const line = lineOf.get(code);
    if (amounts[code]) return amounts[code][which];
    return which === 'office' ? (line?.amountRials ?? '') : (line?.onlineAmountRials ?? '');
  };
  const change = (code: string, which: 'office' | 'online', v: string | number) =>
    setAmounts((prev) => {
      const line = lineOf.get(code);
      const base = prev[code] ?? { office: line?.amountRials ?? '', online: line?.onlineAmountRials ?? '' };
      return { ...prev, [code]: { ...base, [which]: v } };
    });

  const title = (l: LineChange) => (lang === 'fa' ? l.titleFa : l.titleEn);
  const amount = (l: LineChange, which: 'office' | 'online') => (
    <NumberInput
      aria-label={`${t(which === 'office' ? 'tariffs.schedules.officeFee' : 'tariffs.schedules.onlineFee')} ${title(l)}`}
      placeholder={which === 'online' ? t('tariffs.schedules.sameAsOffice') : undefined}
      value={value(l.code, which)}
      onChange={(v) => change(l.code, which, v)}
      min={0}
      step={1000}
      allowDecimal={false}
      thousandSeparator=","
      size="xs"
      w={150}
      error={errors[`lines.${l.code}.${which === 'office' ? 'amountRials' : 'onlineAmountRials'}`]}
      data-testid={which === 'office' ? `edit-office-${l.code}` : undefined}
    />
  );
  const columns: DataColumn<LineChange>[] = [
    { key: 'item', header: t('tariffs.schedules.item'), cell: title, sortValue: title, rowHeader: true },
    {
      key: 'inForce',
      header: t('tariffs.schedules.inForceFee'),
      cell: (l) => (l.beforeRials != null ? <Money rials={l.beforeRials} /> : '—'),
      sortValue: (l) => l.beforeRials,
      numeric: true,
    },
    {
      key: 'office',
      header: t('tariffs.schedules.officeFee'),
      cell: (l) =>
        editable && lineOf.has(l.code) ? (
          amount(l, 'office')
        ) : l.afterRials != null ? (
          <Money rials={l.afterRials} />
        ) : (
          <Text span c="red">
            {t('tariffs.schedules.missing')}
          </Text>
        ),
      sortValue: (l) => l.afterRials,
      numeric: true,
      cellProps: (l) => ({ 'data-testid': `line-office-${l.code}` }),
    },
    {
      key: 'officeChange',
      header: t('tariffs.schedules.change'),
      cell: (l) => <ChangePercent value={l.changePercent} />,
      sortValue: (l) => l.changePercent,
      numeric: true,
    },
    {
      key: 'online',
      header: t('tariffs.schedules.onlineFee'),
      cell: (l) =>
        editable && lineOf.has(l.code) ? (
          amount(l, 'online')
        ) : l.onlineAfterRials != null ? (
          <Money rials={l.onlineAfterRials} />
        ) : (
          '—'
        ),
      sortValue: (l) => l.onlineAfterRials,
      numeric: true,
    },
    {
      key: 'onlineChange',
      header: t('tariffs.schedules.change'),
      cell: (l) => <ChangePercent value={l.onlineChangePercent} />,
      sortValue: (l) => l.onlineChangePercent,
      numeric: true,
    },
  ];

  return (
    <Card withBorder p={0}>
      <DataTable
        testId="schedule-lines"
        label={t('tariffs.schedules.lines')}
        columns={columns}
        rowKey={(l) => l.code}
        rows={changes}
        pageSize="all"
        minWidth={860}
        csvFileName={`tariff-${schedule.code}.csv`}
        rowProps={(l) => ({ 'data-testid': `line-${l.code}` })}
      />
      {editable && (
        <Stack p="md">
          <ProblemAlert error={edit.error} shownFields={Object.keys(errors).filter((f) => f.startsWith('lines.'))} />
          <Group>
            <Button onClick={save} disabled={!dirty} loading={edit.isPending} data-testid="save-lines">
              {t('tariffs.schedules.saveLines')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function ApproveProblem({ error, changes }: { error: unknown; changes: LineChange[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : null;
  const missing =
    problem?.code === 'tariff_draft_incomplete' && Array.isArray(problem.missing) ? (problem.missing as string[]) : [];
  const title = new Map(changes.map((l) => [l.code, lang === 'fa' ? l.titleFa : l.titleEn]));
  return (
    <Stack gap="xs" data-testid="approve-problem">
      <ProblemAlert error={error} shownFields={(problem?.errors ?? []).map((e) => e.field)} />
      {missing.length > 0 && (
        <Alert color="red" variant="outline" title={t('tariffs.schedules.missingTitle')}>
          <List size="sm">
            {missing.map((c) => (
              <List.Item key={c}>{title.get(c) ?? c}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

export function SchedulePage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const { user } = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const schedule = useSchedule(id);
  const changes = useScheduleChanges(id);
  const approve = useApproveSchedule(id);
  const remove = useDeleteDraft(id);
  const [confirm, setConfirm] = useState<'approve' | 'delete' | null>(null);
  const s = schedule.data;
  if (!s) return <ProblemAlert error={schedule.error} />;
  const isDraft = s.status === 'draft';
  const items = changes.data?.items ?? [];

  return (
    <Stack>
      <PageTitle
        title={lang === 'fa' ? s.titleFa : s.titleEn}
        subtitle={<bdi dir="ltr">{s.code}</bdi>}
        actions={
          <>
            {isDraft && (
              <Button
                component={Link}
                to={`/tariffs/simulator?schedule=${s.id}`}
                variant="light"
                data-testid="simulate-draft"
              >
                {t('tariffs.schedules.simulate')}
              </Button>
            )}
            {isDraft && canDraft(user) && (
              <Button color="red" variant="subtle" onClick={() => setConfirm('delete')} data-testid="delete-draft">
                {t('tariffs.schedules.deleteDraft')}
              </Button>
            )}
            {isDraft && canApprove(user) && (
              <Button onClick={() => setConfirm('approve')} data-testid="approve-schedule">
                {t('tariffs.schedules.approve')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label={t('tariffs.schedules.stateCol')}>
            <StateBadge state={s.state} />
          </Fact>
          <Fact label={t('tariffs.schedules.effectiveFrom')}>
            <JalaliDay value={s.effectiveFromJalali} />
          </Fact>
          <Fact label={t('tariffs.schedules.effectiveTo')}>
            <JalaliDay value={s.effectiveToJalali} />
          </Fact>
          <Fact label={t('tariffs.schedules.preparedBy')}>{s.createdBy?.name ?? '—'}</Fact>
          <Fact label={t('tariffs.schedules.approvedBy')}>
            {s.approvedBy ? (
              <>
                {s.approvedBy.name} — <JalaliDate value={s.approvedAt} />
              </>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('tariffs.schedules.source')}>{s.source}</Fact>
          <Fact label={t('tariffs.schedules.comparedWith')}>
            {changes.data?.reference ? (
              <Anchor component={Link} to={`/tariffs/${changes.data.reference.id}`}>
                {lang === 'fa' ? changes.data.reference.titleFa : changes.data.reference.titleEn}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          {s.indexation && (
            <Fact label={t('tariffs.schedules.indexation')}>
              {t('tariffs.schedules.indexationText', {
                rate: digits(s.indexation.ratePercent),
                mode: t(s.indexation.mode === 'up' ? 'tariffs.schedules.modeUp' : 'tariffs.schedules.modeNearest'),
              })}
            </Fact>
          )}
        </SimpleGrid>
        {s.note && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }} data-testid="schedule-note">
            {s.note}
          </Text>
        )}
      </Card>
      {approve.isSuccess && (
        <Alert color="teal" data-testid="approved-alert">
          {t('tariffs.schedules.approved')}
        </Alert>
      )}
      <ApproveProblem error={approve.error} changes={items} />
      <ProblemAlert error={remove.error} />
      {changes.data && <LinesTable key={s.status} schedule={s} changes={items} editable={isDraft && canDraft(user)} />}

      <Modal
        opened={confirm === 'approve'}
        onClose={() => setConfirm(null)}
        title={t('tariffs.schedules.approveTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>
            {t('tariffs.schedules.approveText', {
              title: lang === 'fa' ? s.titleFa : s.titleEn,
              from: digits(s.effectiveFromJalali.replace(/-/g, '/')),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setConfirm(null)}>
              {t('tariffs.schedules.cancel')}
            </Button>
            <Button
              loading={approve.isPending}
              onClick={() => approve.mutate(undefined, { onSettled: () => setConfirm(null) })}
              data-testid="approve-confirm"
            >
              {t('tariffs.schedules.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={confirm === 'delete'}
        onClose={() => setConfirm(null)}
        title={t('tariffs.schedules.deleteTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('tariffs.schedules.deleteText')}</Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setConfirm(null)}>
              {t('tariffs.schedules.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="delete-confirm"
              onClick={() =>
                remove.mutate(undefined, { onSuccess: () => navigate('/tariffs'), onSettled: () => setConfirm(null) })
              }
            >
              {t('tariffs.schedules.deleteDraft')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
