/**
 * One event as an iCalendar file (RFC 5545) that any calendar app can import: lines end in CRLF,
 * lines longer than 75 octets are folded (a continuation starts with one space, and a Persian
 * letter is never cut in half), text is escaped (§3.3.11), times are written in UTC (`…Z`, so no
 * VTIMEZONE is needed) and an all-day event is a DATE that ends on the next day (exclusive).
 */

type CalendarStart =
  /** A moment, e.g. a hearing: written in UTC. */
  | { at: Date }
  /** A whole day, e.g. the last day of a time limit: an ISO day (`2026-12-26`). */
  | { day: string };

export interface CalendarEvent {
  /** Globally unique and stable, so importing the file twice updates rather than duplicates. */
  uid: string;
  /** When the information was last revised (§3.8.7.2), e.g. when the notice was issued. */
  stamp: Date;
  start: CalendarStart;
  summary: string;
  description?: string;
}

const PRODID = '-//Daftar//Notices//FA';

/** `20261209T053000Z` */
function utc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** `2026-12-26` → `20261226`; rejects anything that is not a real calendar day. */
function dateValue(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day)
    throw new RangeError(`not an ISO day: ${day}`);
  return day.replace(/-/g, '');
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** TEXT escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets (§3.1), cutting only between whole characters. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // A continuation line's leading space counts towards its 75 octets.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The whole `.ics` text for one event. */
export function calendarFile(event: CalendarEvent): string {
  const start =
    'at' in event.start
      ? [`DTSTART:${utc(event.start.at)}`]
      : [`DTSTART;VALUE=DATE:${dateValue(event.start.day)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(event.start.day))}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(event.stamp)}`,
    ...start,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
