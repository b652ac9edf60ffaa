/**
 * "Add to calendar": an .ics file made in the browser from the notice the page already has — the
 * hearing of a summons, or the last day of the time limit as an all-day event.
 */
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarFile, type CalendarEvent } from '#core/icalendar';
import { deadlineEvent, hearingEvent, type NoticeForCalendar } from '#core/notice-calendar';

const href = (event: CalendarEvent) => `data:text/calendar;charset=utf-8,${encodeURIComponent(calendarFile(event))}`;

export function AddToCalendar({ notice, what }: { notice: NoticeForCalendar; what: 'hearing' | 'deadline' }) {
  const { t } = useTranslation();
  const event = what === 'hearing' ? hearingEvent(notice) : deadlineEvent(notice);
  if (!event) return null;
  return (
    <Anchor
      size="sm"
      href={href(event)}
      download={`notice-${notice.id}-${what}.ics`}
      data-testid={`portal-notice-calendar-${what}`}
    >
      {t(`portal.notice.addToCalendar.${what}`)}
    </Anchor>
  );
}
