import '../i18n/index.ts';
import { Grid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import type { Ticket } from '../api/tickets';
import { QueuePanel } from '../components/QueuePanel';
import { StartServicePanel } from '../components/StartServicePanel';
import { TodayPanel } from '../components/TodayPanel';

/**
 * /counter — the operator's screen, built for a queue: tickets and the visitor being served on one
 * side, the start-service flow (identify or register the citizen, choose a service) on the other,
 * and today's work of the office below.
 */
export function CounterPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<Ticket | null>(null);
  const [citizenId, setCitizenId] = useState<number | null>(null);
  return (
    <Stack data-testid="counter-page">
      <PageTitle title={t('counter.title')} subtitle={t('counter.subtitle')} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <QueuePanel current={current} onCurrent={setCurrent} citizenId={citizenId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <StartServicePanel ticket={current} onCitizen={setCitizenId} />
        </Grid.Col>
      </Grid>
      <TodayPanel />
    </Stack>
  );
}
