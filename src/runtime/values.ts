import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  millisecondsPerDay,
  millisecondsPerHour,
  millisecondsPerMinute,
  millisecondsPerSecond,
} from './calendar.js';
import type { TimeZone } from './time-zone.js';

/**
 * A date and time of day as written, before a time zone places it: `day` is
 * days since 1970-01-01, `offsetMinutes` the written UTC offset (`Z` is 0),
 * absent for a local time.
 */
export interface DateTimeParts {
  readonly day: number;
  readonly millisecondOfDay: number;
  readonly offsetMinutes: number | undefined;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const durationPattern = /^(\d+)([mhdw])$/;

const durationUnits: Readonly<Record<string, number>> = {
  m: millisecondsPerMinute,
  h: millisecondsPerHour,
  d: millisecondsPerDay,
  w: 7 * millisecondsPerDay,
};

/** The day number of a `YYYY-MM-DD` date, or undefined if it is no date. */
export function parseDate(text: string): number | undefined {
  const match = datePattern.exec(text);
  if (match === null) return undefined;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return valid ? daysFromCivil(year, month, day) : undefined;
}

/**
 * The parts of an ISO 8601 datetime (`2025-03-05T10:00`, with optional
 * seconds, milliseconds and an offset or `Z`), or undefined if it is none.
 */
export function parseDateTimeParts(text: string): DateTimeParts | undefined {
  const match = dateTimePattern.exec(text);
  if (match === null) return undefined;

  const day = parseDate(match[1] ?? '');
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = Number(match[4] ?? '0');
  const fraction = Number((match[5] ?? '').padEnd(3, '0'));
  const offsetMinutes = parseOffset(match[6]);
  if (day === undefined || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  if (offsetMinutes === null) return undefined;

  const millisecondOfDay =
    hour * millisecondsPerHour +
    minute * millisecondsPerMinute +
    second * millisecondsPerSecond +
    fraction;
  return { day, millisecondOfDay, offsetMinutes };
}

/**
 * The epoch milliseconds of an ISO 8601 datetime; one without an offset is a
 * local time in `timeZone`. Undefined if the text is no datetime.
 */
export function parseDateTime(
  text: string,
  timeZone: TimeZone,
): number | undefined {
  const parts = parseDateTimeParts(text);
  return parts === undefined ? undefined : dateTimeInstant(parts, timeZone);
}

/** The instant that datetime parts stand for, in `timeZone` if local. */
export function dateTimeInstant(
  parts: DateTimeParts,
  timeZone: TimeZone,
): number {
  if (parts.offsetMinutes !== undefined) return utcInstant(parts);

  const minuteOfDay = Math.floor(
    parts.millisecondOfDay / millisecondsPerMinute,
  );
  const rest = parts.millisecondOfDay % millisecondsPerMinute;
  return timeZone.toEpoch(parts.day, minuteOfDay) + rest;
}

/** The instant of datetime parts that carry an offset (0 when local). */
export function utcInstant(parts: DateTimeParts): number {
  const offset = (parts.offsetMinutes ?? 0) * millisecondsPerMinute;
  return parts.day * millisecondsPerDay + parts.millisecondOfDay - offset;
}

/**
 * The milliseconds of a duration written `30m`, `12h`, `7d` or `2w`, or
 * undefined if the text is no duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text);
  const unit = durationUnits[match?.[2] ?? ''];
  if (match === null || unit === undefined) return undefined;
  return Number(match[1]) * unit;
}

/** A day number written as `YYYY-MM-DD`. */
export function formatDate(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** Minutes east of UTC for `Z` or `+01:00`; undefined if absent, null if bad. */
function parseOffset(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  if (text === 'Z') return 0;

  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 14 || minutes > 59) return null;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}
