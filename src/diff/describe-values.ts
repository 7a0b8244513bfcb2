import type { Type } from '../language/types.js';
import {
  millisecondsPerDay,
  millisecondsPerHour,
  millisecondsPerMinute,
} from '../runtime/calendar.js';
import { formatDate } from '../runtime/values.js';
import { assertNever } from '../support/assert-never.js';
import type { Condition } from '../workspace/condition.js';

/**
 * A duration as it is usually written: in days when it is whole days (a
 * `2w` wait reads `14d`, so that before and after use one unit), else in
 * hours or minutes.
 */
export function formatDuration(milliseconds: number): string {
  const sign = milliseconds < 0 ? '-' : '';
  const size = Math.abs(milliseconds);
  if (size % millisecondsPerDay === 0)
    return `${sign}${size / millisecondsPerDay}d`;
  if (size % millisecondsPerHour === 0)
    return `${sign}${size / millisecondsPerHour}h`;
  if (size % millisecondsPerMinute === 0)
    return `${sign}${size / millisecondsPerMinute}m`;
  return `${sign}${size}ms`;
}

/** Minutes after midnight as `HH:MM`. */
export function formatMinute(minute: number): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** A list as `a, b, c`, or `none`. */
export function formatList(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

/** A yes/no setting. */
export function formatFlag(value: boolean): string {
  return value ? 'yes' : 'no';
}

/**
 * A condition's source with runs of white space outside string literals
 * made one space, so that re-wrapping a line is no change; null when absent.
 */
export function conditionText(condition: Condition | undefined): string | null {
  if (condition === undefined) return null;
  const source = condition.source.text.trim();
  let text = '';
  let quote: string | null = null;
  for (let index = 0; index < source.length; index++) {
    const character = source.charAt(index);
    if (quote !== null) {
      text += character;
      if (character === '\\') text += source.charAt(++index);
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
      text += character;
    } else if (/\s/.test(character)) {
      if (!text.endsWith(' ')) text += ' ';
    } else {
      text += character;
    }
  }
  return text;
}

/** A runtime value (see src/language/types.ts) as written: `500 SEK`, `7d`. */
export function valueText(value: unknown, type: Type): string {
  if (value === null || value === undefined) return 'none';
  const number = typeof value === 'number' ? value : undefined;
  switch (type.kind) {
    case 'money':
      return `${plainText(value)} SEK`;
    case 'duration':
      return number === undefined ? plainText(value) : formatDuration(number);
    case 'date':
      return number === undefined ? plainText(value) : formatDate(number);
    case 'datetime':
      return number === undefined
        ? plainText(value)
        : new Date(number).toISOString();
    case 'optional':
      return valueText(value, type.inner);
    case 'list':
    case 'object':
    case 'error':
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'enum':
      return plainText(value);
    default:
      return assertNever(type);
  }
}

/** Strings as they are; anything else as JSON. */
function plainText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
