import { ActionIcon, Badge, Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { LazyTooltip as Tooltip } from '#web/ui/LazyPopovers.tsx';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCallNext, useIssueTicket, useMoveTicket, useTickets, type Ticket, type TicketStatus } from '../api/tickets';

const STATUS_COLOR: Record<TicketStatus, string> = {
  waiting: 'gray',
  serving: 'indigo',
  done: 'teal',
  cancelled: 'red',
};

/** The queue: issue a ticket, call the next visitor, mark served or cancelled. */
export function QueuePanel({
  current,
  onCurrent,
  citizenId,
}: {
  current: Ticket | null;
  onCurrent: (t: Ticket | null) => void;
  citizenId: number | null;
}) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const tickets = useTickets();
  const issue = useIssueTicket();
  const next = useCallNext();
  const move = useMoveTicket();
  const items = tickets.data?.items ?? [];
  const waiting = items.filter((i) => i.status === 'waiting').length;
  const lastIssued = issue.data?.ticket;
  const { user } = useAuth();
  // After a reload, the visitor this operator was serving is still theirs. Only on the first load:
  // later, the list still shows a ticket as serving for a moment after it was served or cancelled.
  const mine = items.find((i) => i.status === 'serving' && i.servedBy === Number(user?.id));
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !tickets.data) return;
    restored.current = true;
    if (!current && mine) onCurrent(mine);
  }, [current, mine, onCurrent, tickets.data]);

  const act = (ticket: Ticket, m: 'call' | 'serve' | 'cancel') =>
    move.mutate(
      {
        id: ticket.id,
        move: m,
        citizenId: m === 'serve' && current?.id === ticket.id ? (citizenId ?? undefined) : undefined,
      },
      {
        onSuccess: ({ ticket: updated }) => {
          if (m === 'call') onCurrent(updated);
          else if (current?.id === updated.id) onCurrent(null);
        },
      },
    );

  return (
    <Card withBorder padding="lg" data-testid="queue-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('counter.queue.title')}
          </Title>
          <Badge variant="light" size="lg" data-testid="queue-waiting">
            {t('counter.queue.waiting', { count: waiting, n: digits(waiting) })}
          </Badge>
        </Group>
        <Group grow>
          <Button variant="light" onClick={() => issue.mutate()} loading={issue.isPending} data-testid="issue-ticket">
            {t('counter.queue.issue')}
          </Button>
          <Button
            onClick={() => next.mutate(undefined, { onSuccess: ({ ticket }) => onCurrent(ticket) })}
            loading={next.isPending}
            disabled={waiting === 0}
            data-testid="call-next"
          >
            {t('counter.queue.callNext')}
          </Button>
        </Group>
        {lastIssued ? (
          <Text size="sm" c="dimmed" data-testid="issued-ticket">
            {t('counter.queue.issued', { n: digits(lastIssued.number) })}
          </Text>
        ) : null}
        {next.data && next.data.ticket === null ? (
          <Text size="sm" c="dimmed" data-testid="queue-empty">
            {t('counter.queue.empty')}
          </Text>
        ) : null}
        <ProblemAlert error={issue.error ?? next.error ?? move.error ?? tickets.error} />

        <Card bg={current ? 'indigo.0' : 'gray.0'} radius="md" data-testid="current-ticket">
          {current ? (
            <Group justify="space-between" align="center">
              <Stack gap={0}>
                <Text size="sm" c="dimmed">
                  {t('counter.queue.serving')}
                </Text>
                <Text fz={40} fw={800} lh={1.1} data-testid="current-ticket-number">
                  {digits(current.number)}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  color="teal"
                  onClick={() => act(current, 'serve')}
                  loading={move.isPending}
                  data-testid="serve-current"
                >
                  {t('counter.queue.serve')}
                </Button>
                <Button
                  variant="default"
                  color="red"
                  onClick={() => act(current, 'cancel')}
                  data-testid="cancel-current"
                >
                  {t('counter.queue.cancel')}
                </Button>
              </Group>
            </Group>
          ) : (
            <Text c="dimmed" size="sm">
              {t('counter.queue.nobody')}
            </Text>
          )}
        </Card>

        <Box mah={320} style={{ overflowY: 'auto' }}>
          <Table striped highlightOnHover data-testid="tickets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('counter.queue.number')}</Table.Th>
                <Table.Th scope="col">{t('counter.queue.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('counter.queue.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed">
                      {t('counter.queue.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                items.map((ticket) => (
                  <Table.Tr key={ticket.id} data-testid={`ticket-${ticket.number}`}>
                    <Table.Td fw={700}>{digits(ticket.number)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[ticket.status]} variant="light">
                        {t(`counter.ticketStatus.${ticket.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {ticket.status === 'waiting' ? (
                          <Tooltip label={t('counter.queue.call')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('counter.queue.callNumber', { n: digits(ticket.number) })}
                              onClick={() => act(ticket, 'call')}
                              data-testid={`call-${ticket.number}`}
                            >
                              ▶
                            </ActionIcon>
                          </Tooltip>
                        ) : null}
                        {ticket.status === 'waiting' || ticket.status === 'serving' ? (
                          <Tooltip label={t('counter.queue.cancel')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('counter.queue.cancelNumber', { n: digits(ticket.number) })}
                              onClick={() => act(ticket, 'cancel')}
                              data-testid={`cancel-${ticket.number}`}
                            >
                              ✕
                            </ActionIcon>
                          </Tooltip>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Box>
      </Stack>
    </Card>
  );
}
