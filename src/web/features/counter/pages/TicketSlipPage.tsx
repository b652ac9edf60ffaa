import '../i18n/index.ts';
import '../components/ticket-slip.css';
import { Anchor, Button, Group, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { localDigits, localized } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useTicketSlip, type TicketSlip } from '../api/tickets';

/**
 * /counter/tickets/:id/print — the visitor's queue ticket, laid out for an 80 mm thermal printer
 * (components/ticket-slip.css): the number large in the page's digits, the service, the office,
 * when it was taken (Jalali, Tehran time) and the estimated wait with how it was reached.
 */
export function TicketSlipPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const slip = useTicketSlip(id);
  return (
    <Stack align="center" data-testid="ticket-slip-page">
      <ProblemAlert error={slip.error} />
      {slip.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
      {slip.data ? <Slip slip={slip.data} /> : null}
      <Group>
        <Button onClick={() => window.print()} disabled={!slip.data} data-testid="ticket-slip-print">
          {t('counter.slip.print')}
        </Button>
        <Anchor component={Link} to="/counter">
          {t('counter.slip.back')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function Slip({ slip }: { slip: TicketSlip }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const n = (v: number | string) => localDigits(v, lang);
  const { ticket, wait } = slip;
  return (
    <article className="ticket-slip" data-testid="ticket-slip" aria-label={t('counter.slip.title')}>
      <h1 data-testid="ticket-slip-office">{localized(slip.office.name, lang)}</h1>
      <p className="ticket-slip-note">{t('counter.slip.officeCode', { code: n(slip.office.code) })}</p>
      <p className="ticket-slip-label">{t('counter.slip.number')}</p>
      <p className="ticket-slip-number" data-testid="ticket-slip-number">
        {n(ticket.number)}
      </p>
      <dl>
        <dt>{t('counter.slip.service')}</dt>
        <dd data-testid="ticket-slip-service">
          {slip.service ? localized(slip.service, lang) : t('counter.slip.noService')}
        </dd>
        <dt>{t('counter.slip.takenAt')}</dt>
        <dd data-testid="ticket-slip-time">
          <JalaliDate value={ticket.createdAt} withTime />
        </dd>
        {wait ? (
          <>
            <dt>{t('counter.slip.ahead')}</dt>
            <dd data-testid="ticket-slip-ahead">{n(wait.ahead)}</dd>
            <dt>{t('counter.slip.wait')}</dt>
            <dd data-testid="ticket-slip-wait">
              {wait.minutes === 0 ? t('counter.slip.noWait') : t('counter.slip.minutes', { n: n(wait.minutes) })}
            </dd>
          </>
        ) : null}
      </dl>
      {wait ? (
        <p className="ticket-slip-note" data-testid="ticket-slip-basis">
          {t('counter.slip.basis', {
            ahead: n(wait.ahead),
            minutes: new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(
              wait.serviceMinutes,
            ),
            counters: n(wait.counters),
          })}
        </p>
      ) : (
        <p className="ticket-slip-note">{t('counter.slip.called')}</p>
      )}
      <p className="ticket-slip-note">{t('counter.slip.keep')}</p>
    </article>
  );
}
