import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '#web/ui/Money.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useToday } from '../api/today';

function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz="xl">
        {value}
      </Text>
    </Card>
  );
}

/** Today's work of the office at a glance. */
export function TodayPanel() {
  const { t } = useTranslation();
  const { digits, text } = useDigits();
  const today = useToday();
  const d = today.data;
  return (
    <Card withBorder padding="lg" data-testid="today-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('counter.today.title')}
          </Title>
          {d ? (
            <Text c="dimmed" size="sm">
              {digits(d.dayJalali.replace(/-/g, '/'))}
            </Text>
          ) : null}
        </Group>
        <ProblemAlert error={today.error} />
        {d ? (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat
                label={t('counter.today.waiting')}
                value={digits(d.tickets.waiting + d.tickets.serving)}
                testId="today-waiting"
              />
              <Stat label={t('counter.today.served')} value={digits(d.tickets.done)} testId="today-served" />
              <Stat
                label={t('counter.today.services')}
                value={digits(d.services.reduce((s, x) => s + x.count, 0))}
                testId="today-services"
              />
              <Stat
                label={t('counter.today.revenue')}
                value={<Money rials={d.revenueRials} />}
                testId="today-revenue"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Table withTableBorder data-testid="today-services-table">
                <Table.Caption>{t('counter.today.servicesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('counter.today.service')}</Table.Th>
                    <Table.Th scope="col">{t('counter.today.count')}</Table.Th>
                    <Table.Th scope="col">{t('counter.today.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.services.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="dimmed">
                          {t('counter.today.noServices')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    d.services.map((s) => (
                      <Table.Tr key={s.code}>
                        <Table.Td>{text(s.title)}</Table.Td>
                        <Table.Td>{digits(s.count)}</Table.Td>
                        <Table.Td>
                          <Money rials={s.amountRials} />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  )}
                  {d.services.length > 0 ? (
                    <Table.Tr fw={700}>
                      <Table.Td>{t('counter.today.total')}</Table.Td>
                      <Table.Td />
                      <Table.Td>
                        <Money rials={d.servicesTotalRials} />
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
              <Table withTableBorder data-testid="today-filings-table">
                <Table.Caption>{t('counter.today.filingsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('counter.today.filingStatus')}</Table.Th>
                    <Table.Th scope="col">{t('counter.today.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.filings.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={2}>
                        <Text size="sm" c="dimmed">
                          {t('counter.today.noFilings')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    d.filings.map((f) => (
                      <Table.Tr key={f.status}>
                        <Table.Td>{t(`filingStatus.${f.status}`, { defaultValue: f.status })}</Table.Td>
                        <Table.Td>{digits(f.count)}</Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
