import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { LazySelect as Select, LazyTooltip as Tooltip } from '#web/ui/LazyPopovers.tsx';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { useOfficeServices } from '#web/features/catalog/api/services.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { setServingNationalId, storeGrant } from '../serving-citizen';
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
  const { lang } = useLang();
  const services = useOfficeServices();
  const [service, setService] = useState<string | null>(null);
  const items = tickets.data?.items ?? [];
  // The day's figures as the server counts them (the same definition as today's work).
  const waiting = tickets.data?.counts.waiting ?? 0;
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
          else if (current?.id === updated.id) {
            onCurrent(null);
            // The visitor has left: their national ID and notice consent no longer travel with the operator.
            setServingNationalId(null);
            storeGrant(null);
          }
        },
      },
    );

  const columns: DataColumn<Ticket>[] = [
    {
      key: 'number',
      header: t('counter.queue.number'),
      numeric: true,
      cell: (ticket) => <Text fw={700}>{digits(ticket.number)}</Text>,
    },
    {
      key: 'status',
      header: t('counter.queue.status'),
      cell: (ticket) => (
        <Badge color={STATUS_COLOR[ticket.status]} variant="light">
          {t(`counter.ticketStatus.${ticket.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('counter.queue.actions'),
      hideHeader: true,
      cell: (ticket) => (
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
      ),
    },
  ];

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
        <Select
          label={t('counter.queue.service')}
          placeholder={t('counter.queue.servicePlaceholder')}
          data={(services.data ?? []).map((s) => ({ value: s.code, label: s.title[lang] || s.title.fa }))}
          value={service}
          onChange={setService}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="ticket-service"
        />
        <Group grow>
          <Button
            variant="light"
            onClick={() => issue.mutate(service, { onSuccess: () => setService(null) })}
            loading={issue.isPending}
            data-testid="issue-ticket"
          >
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
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" data-testid="issued-ticket">
              {t('counter.queue.issued', { n: digits(lastIssued.number) })}
            </Text>
            <Anchor
              component={Link}
              to={`/counter/tickets/${lastIssued.id}/print`}
              size="sm"
              data-testid="print-ticket"
            >
              {t('counter.queue.print', { n: digits(lastIssued.number) })}
            </Anchor>
          </Group>
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

        <DataTable
          testId="tickets-table"
          label={t('counter.queue.title')}
          columns={columns}
          rowKey={(ticket) => ticket.id}
          rows={tickets.data?.items}
          isPending={tickets.isPending}
          isFetching={tickets.isFetching}
          empty={t('counter.queue.none')}
          pageSize="all"
          minWidth={0}
          maxHeight={320}
          rowProps={(ticket) => ({ 'data-testid': `ticket-${ticket.number}` })}
        />
      </Stack>
    </Card>
  );
}
