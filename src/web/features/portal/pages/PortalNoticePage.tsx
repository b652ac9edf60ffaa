import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { AppealsFiled, AppealTime, appealEntryOf } from '#web/ui/AppealTime.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { noticePdfUrl, useOpenNotice } from '../api/open-notice';
import { AddToCalendar } from '../components/AddToCalendar';
import { DeadlineInfo } from '../components/DeadlineInfo';
import { RefNumber } from '#web/ui/RefNumber.tsx';

/** Legal sources are stored «Persian — English»; a reader sees the half in their language. */
function sourceIn(source: string, lang: 'fa' | 'en'): string {
  const [fa, en] = source.split(' — ');
  return en === undefined ? source : lang === 'fa' ? fa : en;
}

/** /me/notices/:id — the notice's content; opening it here records its delivery. */
export function PortalNoticePage() {
  const { t } = useTranslation();
  const { text, digits, lang } = useDigits();
  const { id = '' } = useParams();
  const notice = useOpenNotice(id);
  const n = notice.data;
  // "Appeal this": online where the catalog offers the appeal online, else at an office.
  const appealOnline = (useCatalogServices().data?.items ?? []).some(
    (s) => s.code === 'appeal' && s.channels !== 'office',
  );
  const appealEntry = n ? appealEntryOf(n) : null;

  return (
    <Stack>
      <PageTitle
        title={n ? n.title : t('portal.notice.title')}
        subtitle={n ? t(`portal.kinds.${n.kind}`) : undefined}
        actions={
          <Anchor component={Link} to="/me">
            {t('portal.notice.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={notice.error} />
      {n ? (
        <>
          <Card withBorder data-testid="portal-notice-page">
            <Stack gap="xs">
              <Group gap="xs">
                <Badge variant="light">{t(`portal.kinds.${n.kind}`)}</Badge>
                <Text size="sm">
                  {text(n.case.court.name)} — {t('portal.branchN', { n: digits(n.case.branch) })} —{' '}
                  {t('portal.caseNumber')} <RefNumber value={n.case.caseNumber} />
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('portal.notice.issuedAt')}: <JalaliDate value={n.issuedAt} withTime />
              </Text>
              <Text size="sm" data-testid="portal-notice-delivered">
                {t('portal.notice.deliveredAt', {
                  channel: t(`portal.deliveryChannel.${n.deliveredChannel ?? 'online'}`),
                })}
                : <JalaliDate value={n.deliveredAt} withTime />
              </Text>
              {n.hearingAt ? (
                <Text fw={600} data-testid="portal-notice-hearing">
                  {t('portal.notice.hearingAt')}: <JalaliDate value={n.hearingAt} withTime />
                </Text>
              ) : null}
              <AddToCalendar notice={n} what="hearing" />
              <Title order={2} size="h4" mt="sm">
                {t('portal.notice.text')}
              </Title>
              {/* The court's words keep their own direction in the English page. */}
              <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto" data-testid="portal-notice-body">
                {n.body}
              </Text>
              <Group>
                <Button
                  component="a"
                  href={noticePdfUrl(n.id)}
                  download={`notice-${n.id}.pdf`}
                  variant="light"
                  data-testid="portal-notice-pdf"
                >
                  {t('portal.notice.pdf')}
                </Button>
              </Group>
              {n.document ? (
                <Anchor
                  href={n.document.downloadUrl}
                  download={n.document.fileName}
                  data-testid="portal-notice-document"
                >
                  {t('portal.notice.document', { pages: digits(n.document.pages) })}
                </Anchor>
              ) : null}
            </Stack>
          </Card>
          {appealEntry || n.appeals.length > 0 ? (
            <Card withBorder data-testid="portal-appeal">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('portal.appeal.title')}
                </Title>
                {appealEntry ? <AppealTime appeal={appealEntry.appeal} /> : null}
                {/* An appeal already started from this decision is shown and continued, not started again. */}
                <AppealsFiled appeals={n.appeals} />
                {!appealEntry || n.appeals.length > 0 ? null : appealOnline ? (
                  <Group>
                    <Button
                      component={Link}
                      to="/filings/new?service=appeal"
                      state={{ appeal: appealEntry }}
                      data-testid="portal-appeal-start"
                    >
                      {t('portal.appeal.start')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm" data-testid="portal-appeal-at-office">
                    {t('portal.appeal.atOffice')}{' '}
                    <Anchor component={Link} to="/find-office" data-testid="portal-appeal-find-office">
                      {t('portal.appeal.findOffice')}
                    </Anchor>
                  </Text>
                )}
              </Stack>
            </Card>
          ) : null}
          {n.deadline ? (
            <DeadlineInfo
              deadline={n.deadline}
              action={n.deadline.expired ? null : <AddToCalendar notice={n} what="deadline" />}
            />
          ) : (
            <Text c="dimmed">{t('portal.notice.noDeadline')}</Text>
          )}
          {n.rule && n.deadline ? (
            <Text size="sm" c="dimmed" data-testid="portal-notice-rule">
              {text(n.rule.title)} — {sourceIn(n.rule.source, lang)}
            </Text>
          ) : null}
        </>
      ) : notice.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
