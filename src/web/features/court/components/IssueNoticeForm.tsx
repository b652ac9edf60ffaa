/**
 * Issuing a notice on a case: kind, title, text, and for a summons the hearing's Jalali date and
 * Tehran time. Server field errors appear under their fields.
 */
import {
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { NOTICE_KINDS } from '#server/modules/notices/values';
import { useIssueNotice } from '../api/issue-notice';
import type { NoticeKind } from '../api/get-cases';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

const KINDS: readonly NoticeKind[] = NOTICE_KINDS;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

export function IssueNoticeForm({
  caseId,
  recipients,
  onPaper,
}: {
  caseId: number;
  recipients: number;
  /** Parties without an e-account: served on paper by the court's bailiff after issue. */
  onPaper: number;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const issue = useIssueNotice(caseId);
  const [kind, setKind] = useState<NoticeKind>('summons');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [hearingDate, setHearingDate] = useState('');
  const [hearingTime, setHearingTime] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(issue.error, lang);
  const needsHearing = kind === 'summons';
  const time = toLatinDigits(hearingTime.trim());

  const local: Record<string, string> = {};
  if (title.trim().length < 3) local.title = t('common.required');
  if (body.trim().length < 10) local.body = t('court.notice.bodyTooShort');
  // Only a summons carries a hearing: a date picked before switching to another kind is not sent.
  if (needsHearing && !hearingDate) local.hearingDate = t('common.required');
  else if (needsHearing && !parseJalaliDate(hearingDate)) local.hearingDate = t('ui.jalaliDate.invalid');
  if (needsHearing && !time) local.hearingTime = t('common.required');
  else if (needsHearing && !TIME.test(time)) local.hearingTime = t('court.notice.invalidTime');
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    issue.mutate(
      { kind, title: title.trim(), body: body.trim(), ...(needsHearing ? { hearingDate, hearingTime: time } : {}) },
      {
        onSuccess: (n) => {
          notifications.show({
            color: 'teal',
            message: t('court.notice.done', { n: digits(n.recipients) }),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          setTitle('');
          setBody('');
          setHearingDate('');
          setHearingTime('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="issue-notice-form">
      <Stack>
        <Title order={2} size="h4">
          {t('court.notice.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('court.notice.hint', { n: digits(recipients) })}
        </Text>
        {onPaper > 0 ? (
          <Text size="sm" c="dimmed" data-testid="notice-paper-hint">
            {t('court.notice.paperHint', { n: digits(onPaper) })}
          </Text>
        ) : null}
        <SegmentedControl
          aria-label={t('court.notice.kind')}
          value={kind}
          onChange={(v) => setKind(v as NoticeKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`court.kinds.${k}`) }))}
          data-testid="notice-kind"
        />
        <TextInput
          label={t('court.notice.noticeTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={errorOf('title')}
          data-testid="notice-title"
        />
        <Textarea
          label={t('court.notice.body')}
          autosize
          minRows={5}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          required
          error={errorOf('body')}
          data-testid="notice-body"
        />
        {/* Only a summons sets a hearing; other kinds carry no date. */}
        {needsHearing ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JalaliDateInput
              label={t('court.notice.hearingDate')}
              value={hearingDate}
              onChange={setHearingDate}
              required={needsHearing}
              serverError={errorOf('hearingDate') ?? null}
              data-testid="notice-hearing-date"
            />
            <DigitsInput
              label={t('court.notice.hearingTime')}
              description={t('court.notice.hearingTimeHint')}
              placeholder={digits('09:30')}
              value={hearingTime}
              onChange={setHearingTime}
              required={needsHearing}
              error={errorOf('hearingTime')}
              data-testid="notice-hearing-time"
            />
          </SimpleGrid>
        ) : null}
        <ProblemAlert error={issue.error} shownFields={['title', 'body', 'hearingDate', 'hearingTime', 'kind']} />
        <Group>
          <Button
            type="submit"
            loading={issue.isPending}
            disabled={recipients + onPaper === 0}
            data-testid="notice-submit"
          >
            {t('court.notice.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
