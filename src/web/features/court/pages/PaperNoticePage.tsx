import '../i18n/index.ts';
import './paper-notice.css';
import { Anchor, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PAPER_SERVICE_MANNERS } from '#core/paper-service';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { useCase } from '../api/get-cases';

/**
 * /court/cases/:id/notices/:noticeId/paper/:partyId — the notice printed for service by the court's
 * bailiff on a party without an e-account: the court, the case number (left to right), the party
 * and the address, the notice's text, and the bailiff's report to fill in (day, manner under
 * Arts. 68–70, who took the papers, signatures).
 */
export function PaperNoticePage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { id = '', noticeId = '', partyId = '' } = useParams();
  const kase = useCase(Number(id));
  const c = kase.data;
  const notice = c?.notices.find((n) => n.id === Number(noticeId));
  const party = c?.parties.find((p) => p.id === Number(partyId) && !p.hasEAccount);

  return (
    <Stack>
      <div className="paper-notice-screen-only">
        <PageTitle
          title={t('court.printNotice.title')}
          actions={
            <Group>
              <Anchor component={Link} to={`/court/cases/${id}`}>
                {t('court.printNotice.back')}
              </Anchor>
              <Button onClick={() => window.print()} disabled={!notice || !party} data-testid="paper-notice-print">
                {t('court.printNotice.print')}
              </Button>
            </Group>
          }
        />
      </div>
      <ProblemAlert error={kase.error} />
      {c && (!notice || !party) ? (
        <Text data-testid="paper-notice-missing">{t('court.printNotice.notFound')}</Text>
      ) : null}
      {c && notice && party ? (
        <Card withBorder className="paper-notice" data-testid="paper-notice" p="xl">
          <Stack>
            <Title order={2} ta="center">
              {t('court.printNotice.heading')} — {t(`court.kinds.${notice.kind}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>
                <b>{t('court.printNotice.court')}:</b> {text(c.court.name)} —{' '}
                {t('court.branchN', { n: digits(c.branch) })}
              </Text>
              <Text>
                <b>{t('court.printNotice.caseNumber')}:</b>{' '}
                <RefNumber value={c.caseNumber} data-testid="paper-notice-case" />
              </Text>
              <Text data-testid="paper-notice-party">
                <b>{t('court.printNotice.to')}:</b> {party.name} (
                {t(`court.roles.${party.role}`, { defaultValue: party.role })})
                {party.nationalId ? (
                  <>
                    {' '}
                    — <PersianDigits ltr>{party.nationalId}</PersianDigits>
                  </>
                ) : null}
              </Text>
              <Text>
                <b>{t('court.paper.address')}:</b> {party.address ?? '—'}
              </Text>
              <Text>
                <b>{t('court.printNotice.issuedAt')}:</b> <JalaliDate value={notice.issuedAt} />
              </Text>
              {notice.hearingAt ? (
                <Text>
                  <b>{t('court.case.hearingAt')}:</b> <JalaliDate value={notice.hearingAt} withTime />
                </Text>
              ) : null}
            </SimpleGrid>
            <Divider />
            <Text fw={700}>{notice.title}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="paper-notice-body">
              {notice.body}
            </Text>
            <Divider />
            <Title order={3} size="h5">
              {t('court.printNotice.bailiff')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('court.printNotice.bailiffHint')}
            </Text>
            <div className="paper-notice-report" data-testid="paper-notice-report">
              <Text>{t('court.printNotice.servedOn')}</Text>
              {PAPER_SERVICE_MANNERS.map((m) => (
                <Text key={m}>☐ {t(`court.paper.manners.${m}`)}</Text>
              ))}
              <Text>{t('court.printNotice.receivedBy')}</Text>
              <Text>{t('court.printNotice.signatures')}</Text>
            </div>
          </Stack>
        </Card>
      ) : kase.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
