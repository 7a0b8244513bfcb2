import { describe, expect, test } from 'vitest';
import { daysFromCivil } from '../../src/runtime/calendar.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import {
  formatDay,
  formatInstant,
  formatMoney,
} from '../../src/templates/format-values.js';

describe('format_money', () => {
  test.each([
    [0, '0 kr'],
    [5, '5 kr'],
    [999, '999 kr'],
    [1234, '1 234 kr'],
    [1234.5, '1 234,50 kr'],
    [1234567.891, '1 234 567,89 kr'],
    [-250, '-250 kr'],
    [0.004, '0 kr'],
  ])('%s SEK is %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  test('shows nothing for a value that is no amount', () => {
    expect([undefined, null, 'x', NaN].map(formatMoney)).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });
});

describe('format_date', () => {
  const stockholm = new TimeZone('Europe/Stockholm');

  test('shows a date as YYYY-MM-DD', () => {
    expect(formatDay(daysFromCivil(2025, 3, 14))).toBe('2025-03-14');
  });

  test.each([
    [Date.UTC(2025, 2, 14, 22, 59), '2025-03-14'],
    [Date.UTC(2025, 2, 14, 23, 0), '2025-03-15'],
    [Date.UTC(2025, 6, 14, 21, 59), '2025-07-14'],
    [Date.UTC(2025, 6, 14, 22, 0), '2025-07-15'],
  ])('shows the Stockholm date of instant %s as %s', (instant, text) => {
    expect(formatInstant(instant, stockholm)).toBe(text);
  });
});
