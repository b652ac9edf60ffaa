/** One office found: its number on the map, name, distance, address, phone, today's hours and open state; the week on expand. */
import { Anchor, Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { FinderOffice } from '../api/find-offices';
import { OpenState, Periods, useKm } from './opening-text';
import { QualityStars } from './QualityStars';

const WEEK = [0, 1, 2, 3, 4, 5, 6];

function WeekHours({ office, today }: { office: FinderOffice; today: number }) {
  const { t } = useTranslation();
  const columns: DataColumn<number>[] = [
    {
      key: 'day',
      header: t('officeFinder.hours.day'),
      cell: (day) => t(`officeFinder.days.${day}`),
      rowHeader: true,
      cellProps: (day) => (day === today ? { fw: 700 } : {}),
    },
    {
      key: 'periods',
      header: t('officeFinder.hours.periods'),
      cell: (day) => <Periods periods={office.openingHours.filter((p) => p.day === day)} />,
    },
  ];
  return (
    <DataTable
      testId="finder-week"
      caption={t('officeFinder.hours.caption')}
      columns={columns}
      rowKey={(day) => day}
      rows={WEEK}
      pageSize="all"
      minWidth={260}
      rowProps={(day) => (day === today ? { fw: 700, 'aria-current': 'date' } : {})}
    />
  );
}

export function OfficeCard({
  office,
  number,
  today,
  holidayToday,
}: {
  office: FinderOffice;
  number: number;
  today: number;
  holidayToday: boolean;
}) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const km = useKm();
  const [open, setOpen] = useState(false);
  const weekId = useId();
  const todays = holidayToday ? [] : office.openingHours.filter((p) => p.day === today);
  return (
    <Card withBorder component="li" data-testid="finder-office" data-code={office.code} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Badge
              circle
              size="lg"
              variant="filled"
              color="indigo"
              aria-label={t('officeFinder.card.number', { n: digits(number) })}
            >
              {digits(number)}
            </Badge>
            <Title order={2} size="h5">
              {text(office.name)}
            </Title>
          </Group>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="finder-distance">
            {t('officeFinder.card.km', { km: km(office.distanceKm) })}
          </Text>
        </Group>
        <QualityStars quality={office.quality} />
        <Text size="sm">{digits(office.address)}</Text>
        {office.phone ? (
          <Text size="sm">
            {t('officeFinder.card.phone')}{' '}
            <Anchor href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} data-testid="finder-phone">
              <bdi dir="ltr">{digits(office.phone)}</bdi>
            </Anchor>
          </Text>
        ) : null}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" data-testid="finder-today">
            {t('officeFinder.hours.today')}{' '}
            {holidayToday ? (
              <Text span c="dimmed" size="sm">
                {t('officeFinder.hours.holiday')}
              </Text>
            ) : (
              <Periods periods={todays} />
            )}
          </Text>
          <OpenState office={office} />
        </Group>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={weekId}
            data-testid="finder-week-toggle"
          >
            {open ? t('officeFinder.card.hideWeek') : t('officeFinder.card.showWeek')}
          </Button>
          <Anchor
            size="sm"
            href={`https://www.openstreetmap.org/?mlat=${office.location.lat}&mlon=${office.location.lon}#map=17/${office.location.lat}/${office.location.lon}`}
            target="_blank"
            rel="noreferrer"
          >
            {t('officeFinder.card.directions')}
          </Anchor>
        </Group>
        <Collapse expanded={open} id={weekId}>
          <WeekHours office={office} today={today} />
        </Collapse>
      </Stack>
    </Card>
  );
}
