import '../i18n/index.ts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCase } from '../api/get-cases';
import { IssueNoticeForm } from '../components/IssueNoticeForm';
import { RefNumber } from '#web/ui/RefNumber.tsx';

/** /court/cases/:id — a case: parties, the notices issued with each party's delivery, and the issue-notice form. */
export function CourtCasePage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { id = '' } = useParams();
  const kase = useCase(Number(id));
  const c = kase.data;
  const recipients = c ? c.parties.filter((p) => p.hasEAccount).length : 0;

  return (
    <Stack>
      <PageTitle
        title={t('court.case.title')}
        subtitle={c ? <RefNumber value={c.caseNumber} /> : undefined}
        actions={
          <Anchor component={Link} to="/court/cases">
            {t('court.case.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={kase.error} />
      {c ? (
        <>
          <Card withBorder data-testid="court-case">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>
                <b>{t('court.fields.caseNumber')}:</b> <RefNumber value={c.caseNumber} />
              </Text>
              <Text>
                <b>{t('court.fields.court')}:</b> {text(c.court.name)} — {t('court.branchN', { n: digits(c.branch) })}
              </Text>
              <Text>
                <b>{t('court.fields.subject')}:</b> {c.subject}
              </Text>
              <Text>
                <b>{t('court.fields.openedAt')}:</b> <JalaliDate value={c.openedAt} />
              </Text>
            </SimpleGrid>
          </Card>

          <Title order={2} size="h4">
            {t('court.fields.parties')}
          </Title>
          <Table withTableBorder data-testid="case-parties">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('court.fields.role')}</Table.Th>
                <Table.Th scope="col">{t('court.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('court.fields.eAccount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.parties.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{t(`court.roles.${p.role}`, { defaultValue: p.role })}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.hasEAccount ? t('court.yes') : t('court.noEAccount')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>

          <Title order={2} size="h4">
            {t('court.case.notices')}
          </Title>
          <Stack data-testid="case-notices">
            {c.notices.length === 0 ? <Text c="dimmed">{t('court.case.noNotices')}</Text> : null}
            {c.notices.map((n) => (
              <Card withBorder key={n.id} data-testid="case-notice">
                <Group justify="space-between">
                  <Group gap="xs">
                    <Badge variant="light">{t(`court.kinds.${n.kind}`)}</Badge>
                    <Text fw={600}>{n.title}</Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('court.case.issuedAt')}: <JalaliDate value={n.issuedAt} withTime />
                  </Text>
                </Group>
                {n.hearingAt ? (
                  <Text size="sm" mt={4}>
                    {t('court.case.hearingAt')}: <JalaliDate value={n.hearingAt} withTime />
                  </Text>
                ) : null}
                <Table mt="xs">
                  <Table.Tbody>
                    {n.deliveries.map((d) => (
                      <Table.Tr key={d.citizenId}>
                        <Table.Td>{d.name}</Table.Td>
                        <Table.Td>
                          {d.deliveredAt ? (
                            <>
                              {t('court.case.delivered', {
                                channel: t(`court.deliveryChannel.${d.channel ?? 'online'}`),
                              })}{' '}
                              <JalaliDate value={d.deliveredAt} withTime />
                            </>
                          ) : (
                            <Text span c="dimmed">
                              {t('court.case.notDelivered')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {d.deadlineDate ? (
                            <>
                              {t('court.case.deadline', { days: digits(d.deadlineDays ?? 0) })}{' '}
                              <JalaliDate value={d.deadlineDate} />
                            </>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </Stack>

          <IssueNoticeForm caseId={c.id} recipients={recipients} />
        </>
      ) : kase.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
