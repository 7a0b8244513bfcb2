import type { TimeZone } from '../runtime/time-zone.js';
import { formatDate } from '../runtime/values.js';

/**
 * An amount of SEK the Swedish way: `1 234 kr`, with öre only when there are
 * any (`1 234,50 kr`). The thousands separator is a plain space, not the
 * no-break space Swedish typography prefers: that one is outside GSM-7 and
 * would make every SMS that shows an amount UCS-2.
 */
export function formatMoney(amount: unknown): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '';
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = groupThousands(String(Math.floor(cents / 100)));
  const fraction = cents % 100;
  const number =
    fraction === 0 ? whole : `${whole},${String(fraction).padStart(2, '0')}`;
  return `${amount < 0 ? '-' : ''}${number} kr`;
}

/** Digits in groups of three from the right, separated by spaces. */
function groupThousands(digits: string): string {
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let index = grouped.length; index < digits.length; index += 3)
    grouped += ` ${digits.slice(index, index + 3)}`;
  return grouped;
}

/** A date (a day number) as `2025-03-14`. */
export function formatDay(day: unknown): string {
  if (typeof day !== 'number' || !Number.isFinite(day)) return '';
  return formatDate(Math.floor(day));
}

/** The local date of a datetime (epoch milliseconds) as `2025-03-14`. */
export function formatInstant(instant: unknown, timeZone: TimeZone): string {
  if (typeof instant !== 'number' || !Number.isFinite(instant)) return '';
  return formatDate(timeZone.localDay(instant));
}
