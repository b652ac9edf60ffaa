import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  myConsultationsQueryOptions,
  useCancelBooking,
  useConsultantNoShow,
  useRateBooking,
  type Booking,
} from '../api/bookings';

/** Stars as people read them: ★★★★☆ for four of five. */
const stars5 = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

function RateForm({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const rate = useRateBooking();
  return (
    <Stack gap="xs" data-testid="consultation-rate">
      <Text fw={600}>{t('consultation.mine.rate')}</Text>
      <Select
        aria-label={t('consultation.mine.rate')}
        data={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: stars5(n) }))}
        value={stars ? String(stars) : null}
        onChange={(v) => setStars(Number(v ?? 0))}
        maw={200}
        data-testid="consultation-stars"
      />
      <Textarea
        label={t('consultation.mine.rateText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maxLength={1000}
      />
      <ProblemAlert error={rate.error} />
      <Button
        onClick={() => rate.mutate({ id: booking.id, stars, ...(text ? { text } : {}) })}
        disabled={stars === 0}
        loading={rate.isPending}
        w="fit-content"
      >
        {t('consultation.mine.send')}
      </Button>
    </Stack>
  );
}

function BookingCard({ b }: { b: Booking }) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const cancel = useCancelBooking();
  const noShow = useConsultantNoShow();
  // Whether the session has started is the server's word, not this device's clock.
  const cancellable = (b.status === 'confirmed' || b.status === 'pending-payment') && !b.started;
  return (
    <Card withBorder data-testid={`consultation-${b.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {b.consultant.name} — {t(`consultation.fields.${b.field}`)}
          </Title>
          <Badge variant="light" data-status={b.status}>
            {t(`consultation.status.${b.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('consultation.mine.when')}: <JalaliDate value={b.startsAt} withTime /> —{' '}
          {b.office
            ? `${text(b.office.name)}، ${b.office.address}، ${t('consultation.book.room', { n: digits(b.room ?? 1) })}`
            : t('consultation.modes.video')}
        </Text>
        <Text size="sm">
          {t('consultation.book.fee')}: <Money rials={b.totalRials} />
          {b.refundRials != null && b.status === 'cancelled' ? (
            <>
              {' '}
              — {t('consultation.mine.refund')}: <Money rials={b.refundRials} />
            </>
          ) : null}
        </Text>
        {b.note ? (
          <Card bg="var(--mantine-color-gray-0)" data-testid="consultation-note">
            <Stack gap={4}>
              <Text fw={600}>{t('consultation.mine.note')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {b.note.advice}
              </Text>
              {b.note.documentsToBring ? (
                <Text size="sm">
                  {t('consultation.mine.documents')}: {b.note.documentsToBring}
                </Text>
              ) : null}
              <Text size="sm">
                {t('consultation.mine.nextStep')}: {t(`consultation.nextSteps.${b.note.nextStep}`)}
              </Text>
              {b.note.nextStep === 'petition' || b.note.nextStep === 'legal-notice' ? (
                <Anchor
                  component={Link}
                  to={`/filings/new?service=${b.note.nextStep}`}
                  data-testid="consultation-next-step"
                >
                  {t('consultation.mine.startFiling', { service: t(`consultation.nextSteps.${b.note.nextStep}`) })}
                </Anchor>
              ) : b.note.nextStep === 'arbitration' ? (
                <Anchor
                  component={Link}
                  to={`/arbitrations/new?consultation=${b.id}`}
                  data-testid="consultation-next-step"
                >
                  {t('consultation.mine.startArbitration')}
                </Anchor>
              ) : null}
            </Stack>
          </Card>
        ) : null}
        {b.rating ? (
          <Group gap="xs">
            <Text size="sm">{t('consultation.mine.rated')}:</Text>
            <Text size="sm" aria-label={String(b.rating.stars)}>
              {stars5(b.rating.stars)}
            </Text>
          </Group>
        ) : b.status === 'held' ? (
          <RateForm booking={b} />
        ) : null}
        <ProblemAlert error={cancel.error ?? noShow.error} />
        {b.callOpen ? (
          <Button component={Link} to={`/consultation/call/${b.id}`} w="fit-content" data-testid={`join-call-${b.id}`}>
            {t('consultation.call.join')}
          </Button>
        ) : null}
        {b.status === 'confirmed' && b.started ? (
          <Button
            variant="light"
            color="orange"
            w="fit-content"
            onClick={() => noShow.mutate(b.id)}
            loading={noShow.isPending}
            data-testid={`consultant-no-show-${b.id}`}
          >
            {t('consultation.mine.consultantNoShow')}
          </Button>
        ) : null}
        {cancellable ? (
          <Button
            variant="light"
            color="red"
            w="fit-content"
            onClick={() => cancel.mutate(b.id)}
            loading={cancel.isPending}
          >
            {t('consultation.mine.cancel')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** /consultation/mine — the citizen's consultations: time and place, the consultant's note, cancelling, the rating. */
export function MyConsultationsPage() {
  const { t } = useTranslation();
  const mine = useQuery(myConsultationsQueryOptions());
  return (
    <Stack>
      <PageTitle
        title={t('consultation.mine.title')}
        actions={
          <Anchor component={Link} to="/consultation/book">
            {t('consultation.mine.new')}
          </Anchor>
        }
      />
      <ProblemAlert error={mine.error} />
      {mine.data && mine.data.items.length === 0 ? <Text c="dimmed">{t('consultation.mine.empty')}</Text> : null}
      {mine.data?.items.map((b) => (
        <BookingCard key={b.id} b={b} />
      ))}
    </Stack>
  );
}
