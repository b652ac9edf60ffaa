/**
 * The time left to appeal a delivered decision (Civil Procedure Code Art. 336): twenty days for a
 * party living in Iran, two months for one living abroad, each with its last day in words and the
 * days left — on the citizen's notice, at the counter and in the filing wizard's appeal; and the
 * appeals already started from it.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayAndMonth, weekdayName } from '#core/deadline-wording';
import { formatJalali } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { FilingStatusBadge, type FilingStatus } from './FilingStatusBadge.tsx';
import { useDigits } from './PersianDigits.tsx';
import { RefNumber } from './RefNumber.tsx';

interface AppealWindow {
  days: number;
  lastDay: string;
  daysLeft: number;
  open: boolean;
}

export interface AppealWindows {
  resident: AppealWindow;
  abroad: AppealWindow;
}

export function AppealTime({ appeal }: { appeal: AppealWindows }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const line = (who: 'resident' | 'abroad') => {
    const w = appeal[who];
    const day = `${weekdayName(w.lastDay, lang)} ${dayAndMonth(w.lastDay, lang)}`;
    return w.open
      ? t(`common.appeal.${who}`, { day, left: digits(w.daysLeft) })
      : t(`common.appeal.${who}Passed`, { day });
  };
  return (
    <Stack gap={2} data-testid="appeal-time">
      <Text fw={700} data-testid="appeal-time-resident">
        {line('resident')}
      </Text>
      <Text size="sm" data-testid="appeal-time-abroad">
        {line('abroad')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('common.appeal.article')}
      </Text>
    </Stack>
  );
}

/** What a delivered decision hands the filing wizard when one appeals it (in the router state). */
export interface AppealEntry {
  noticeId: number;
  courtId: number;
  courtName: { fa: string; en: string };
  branch: number;
  caseNumber: string;
  /** The decision's title as the court wrote it («دادنامه»). */
  decision: string;
  deliveredAt: string;
  appeal: AppealWindows;
}

interface DecisionNotice {
  id: number;
  title: string;
  deliveredAt: string | null;
  case: { caseNumber: string; branch: number; court: { id: number; name: { fa: string; en: string } } };
  appeal: AppealWindows | null;
}

/** A delivered decision still open to appeal (for a resident or abroad), as the wizard's entry; else null. */
export function appealEntryOf(n: DecisionNotice): AppealEntry | null {
  if (!n.appeal || !n.deliveredAt || !(n.appeal.resident.open || n.appeal.abroad.open)) return null;
  return {
    noticeId: n.id,
    courtId: n.case.court.id,
    courtName: n.case.court.name,
    branch: n.case.branch,
    caseNumber: n.case.caseNumber,
    decision: n.title,
    deliveredAt: n.deliveredAt,
    appeal: n.appeal,
  };
}

/** An appeal started from a decision, as the decision's notice lists it. */
export interface AppealFiled {
  filingId: number;
  trackingCode: string | null;
  status: FilingStatus | (string & {});
  createdAt: string;
  submittedAt: string | null;
}

/**
 * The appeals its reader started from a decision, on the decision's notice (online and at the
 * counter): each with its status, the day it was sent to court and its tracking code (or the day its
 * draft was started), and a link to it.
 */
export function AppealsFiled({ appeals }: { appeals: readonly AppealFiled[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (appeals.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="appeals-filed">
      {appeals.map((a) => (
        <Group key={a.filingId} gap="xs" wrap="wrap" data-testid="appeal-filed">
          <Text fw={700}>{t('common.appeal.filed')}:</Text>
          <FilingStatusBadge status={a.status} />
          {a.submittedAt && a.trackingCode ? (
            <Text size="sm">
              {t('common.appeal.filedSent', { day: formatJalali(a.submittedAt, lang) })}{' '}
              <RefNumber value={a.trackingCode} data-testid="appeal-filed-tracking" />
            </Text>
          ) : (
            <Text size="sm">{t('common.appeal.filedDraft', { day: formatJalali(a.createdAt, lang) })}</Text>
          )}
          <Anchor component={Link} to={`/filings/${a.filingId}`} size="sm" data-testid="appeal-filed-open">
            {t('common.appeal.open')}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}
