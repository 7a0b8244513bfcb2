import { assertNever } from '../support/assert-never.js';
import type { Entry, ReEntry } from '../workspace/journey.js';
import { plural } from '../support/plural.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A duration in the largest whole unit: `14 days`, `4 hours`, `90 minutes`. */
export function formatDuration(milliseconds: number): string {
  const units: [number, string][] = [
    [day, 'day'],
    [hour, 'hour'],
    [minute, 'minute'],
  ];
  for (const [size, name] of units) {
    if (milliseconds >= size && milliseconds % size === 0)
      return plural(milliseconds / size, name);
  }
  return `${milliseconds / 1000} seconds`;
}

/** `09:00` for minutes after midnight. */
export function formatMinute(minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const minutes = String(minuteOfDay % 60).padStart(2, '0');
  return `${hours}:${minutes}`;
}

const weekdays = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** How members enter a journey, in words, without its condition. */
export function describeEntryRule(entry: Entry): string {
  switch (entry.kind) {
    case 'event':
      return `on the event ${entry.event}`;
    case 'segment':
      return `on entering the segment ${entry.segment}`;
    case 'schedule': {
      const at = formatMinute(entry.atMinute);
      if (entry.every === 'day') return `every day at ${at}`;
      if (entry.every === 'week')
        return `every ${weekdays[entry.weekday] ?? 'week'} at ${at}`;
      return `every month on day ${entry.dayOfMonth} at ${at}`;
    }
    default:
      return assertNever(entry);
  }
}

/** The condition of an entry, if it has one. */
export function entryCondition(entry: Entry): string | undefined {
  switch (entry.kind) {
    case 'event':
      return entry.when?.source.text;
    case 'schedule':
      return entry.audience?.source.text;
    case 'segment':
      return undefined;
    default:
      return assertNever(entry);
  }
}

/** Whether members may enter again, in words. */
export function describeReEntry(reEntry: ReEntry): string {
  switch (reEntry.kind) {
    case 'never':
      return 'once per member';
    case 'always':
      return 'again whenever the entry rule holds';
    case 'after':
      return `again after ${formatDuration(reEntry.afterMs)}`;
    default:
      return assertNever(reEntry);
  }
}

/** A share as a percentage with one decimal: `12.5 %`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** An integer with its digits in groups of three: `20 000`. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
