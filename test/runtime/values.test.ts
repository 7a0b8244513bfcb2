import { describe, expect, it } from 'vitest';

import { civilFromDays, daysFromCivil } from '../../src/runtime/calendar.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import {
  formatDate,
  parseDate,
  parseDateTime,
  parseDateTimeParts,
  parseDuration,
} from '../../src/runtime/values.js';

/*
 * The runtime forms of written values (src/runtime/values.ts), which the
 * language and the fixture reader share.
 */

const stockholm = new TimeZone('Europe/Stockholm');

describe('values', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2025-03-30', 20177],
  ])('reads the date %s as day %d', (text, day) => {
    expect(parseDate(text)).toBe(day);
    expect(formatDate(day)).toBe(text);
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '25-01-01',
    '2025-1-1',
  ])('rejects the date %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it.each([
    ['2025-03-05T10:00Z', '2025-03-05T10:00:00.000Z'],
    ['2025-03-05T10:00:30.5+01:00', '2025-03-05T09:00:30.500Z'],
    ['2025-03-05T10:00-05:30', '2025-03-05T15:30:00.000Z'],
    ['2025-03-05T10:00', '2025-03-05T09:00:00.000Z'],
    ['2025-07-05T10:00:15', '2025-07-05T08:00:15.000Z'],
    ['2025-03-30T02:30', '2025-03-30T01:30:00.000Z'],
  ])('reads the datetime %s as %s', (text, expected) => {
    const epoch = parseDateTime(text, stockholm);

    expect(epoch === undefined ? '' : new Date(epoch).toISOString()).toBe(
      expected,
    );
  });

  it.each([
    '2025-03-05',
    '2025-03-05T24:00',
    '2025-03-05T10:60',
    '2025-03-05T10:00:61',
    '2025-02-30T10:00',
    '2025-03-05T10:00+15:00',
    '2025-03-05 10:00',
  ])('rejects the datetime %s', (text) => {
    expect(parseDateTimeParts(text)).toBeUndefined();
  });

  it.each([
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['0d', 0],
  ])('reads the duration %s', (text, milliseconds) => {
    expect(parseDuration(text)).toBe(milliseconds);
  });

  it.each(['7', '7s', '1.5d', 'd', '-1d', '7 d'])(
    'rejects the duration %s',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('converts calendar dates both ways', () => {
    for (let day = -800_000; day <= 800_000; day += 97) {
      const { year, month, day: dayOfMonth } = civilFromDays(day);

      expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
    }
  });
});
