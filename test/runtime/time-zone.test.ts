import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { daysFromCivil } from '../../src/runtime/calendar.js';
import { TimeZone } from '../../src/runtime/time-zone.js';

/*
 * TimeZone lives in src/runtime; its tests stand here beside the language
 * that relies on it. Intl is the reference it must agree with.
 */

/** Local date and minute of an instant, the slow way, through Intl. */
function intlLocal(
  zone: string,
  epoch: number,
): { day: number; minute: number } {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const parts = new Map(
    format.formatToParts(epoch).map((part) => [part.type, Number(part.value)]),
  );
  const day = daysFromCivil(
    parts.get('year') ?? 0,
    parts.get('month') ?? 0,
    parts.get('day') ?? 0,
  );
  return {
    day,
    minute: (parts.get('hour') ?? 0) * 60 + (parts.get('minute') ?? 0),
  };
}

const zones = [
  'Europe/Stockholm',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];

const from = Date.UTC(1950, 0, 1);
const to = Date.UTC(2150, 0, 1);

describe('TimeZone', () => {
  const stockholm = new TimeZone('Europe/Stockholm');

  it('defaults to Europe/Stockholm', () => {
    expect(new TimeZone().name).toBe('Europe/Stockholm');
  });

  it('knows which zones exist', () => {
    expect(TimeZone.isKnown('Europe/Stockholm')).toBe(true);
    expect(TimeZone.isKnown('Europe/Atlantis')).toBe(false);
  });

  it.each([
    ['2025-01-15T12:00:00Z', 60],
    ['2025-07-15T12:00:00Z', 120],
    ['2025-03-30T00:59:59Z', 60],
    ['2025-03-30T01:00:00Z', 120],
    ['2025-10-26T00:59:59Z', 120],
    ['2025-10-26T01:00:00Z', 60],
  ])('has the offset at %s: %d minutes', (instant, minutes) => {
    expect(stockholm.offsetAt(Date.parse(instant))).toBe(minutes);
  });

  it.each([
    ['2025-03-29T23:30:00Z', 20177, 30],
    ['2025-03-30T01:30:00Z', 20177, 210],
    ['2025-03-30T21:59:00Z', 20177, 1439],
    ['2025-03-30T22:00:00Z', 20178, 0],
    ['2025-10-25T22:00:00Z', 20387, 0],
    ['2025-10-26T00:30:00Z', 20387, 150],
    ['2025-10-26T01:30:00Z', 20387, 150],
    ['2025-10-26T22:59:00Z', 20387, 1439],
  ])('places %s on local day %d, minute %d', (instant, day, minute) => {
    const epoch = Date.parse(instant);

    expect(stockholm.localDay(epoch)).toBe(day);
    expect(stockholm.localMinuteOfDay(epoch)).toBe(minute);
  });

  it.each([
    ['2025-03-30', 90, '2025-03-30T00:30:00.000Z'],
    // 02:30 does not exist: clocks jump from 02:00 to 03:00.
    ['2025-03-30', 150, '2025-03-30T01:30:00.000Z'],
    ['2025-03-30', 210, '2025-03-30T01:30:00.000Z'],
    // 02:30 happens twice: the earlier, in summer time.
    ['2025-10-26', 150, '2025-10-26T00:30:00.000Z'],
    ['2025-10-26', 180, '2025-10-26T02:00:00.000Z'],
    ['2025-07-01', 540, '2025-07-01T07:00:00.000Z'],
  ])('turns %s at minute %d into %s', (date, minute, expected) => {
    const day = daysFromCivil(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)),
      Number(date.slice(8, 10)),
    );

    expect(new Date(stockholm.toEpoch(day, minute)).toISOString()).toBe(
      expected,
    );
  });

  it.each(zones)('agrees with Intl in %s', (zone) => {
    const timeZone = new TimeZone(zone);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (epoch) => {
        const expected = intlLocal(zone, epoch);

        expect(timeZone.localDay(epoch)).toBe(expected.day);
        expect(timeZone.localMinuteOfDay(epoch)).toBe(expected.minute);
      }),
      { numRuns: 1_000 },
    );
  });

  it.each(zones)('round-trips local times that exist once in %s', (zone) => {
    const timeZone = new TimeZone(zone);
    fc.assert(
      fc.property(
        fc.integer({ min: from / 60_000, max: to / 60_000 }),
        (minutes) => {
          const epoch = minutes * 60_000;
          const day = timeZone.localDay(epoch);
          const minute = timeZone.localMinuteOfDay(epoch);
          const back = timeZone.toEpoch(day, minute);

          // Where the local time occurs twice, toEpoch gives the earlier.
          expect(back <= epoch).toBe(true);
          expect(timeZone.localDay(back)).toBe(day);
          expect(timeZone.localMinuteOfDay(back)).toBe(minute);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('works outside its fast cache', () => {
    const epoch = Date.UTC(2300, 6, 1, 12);

    expect(stockholm.offsetAt(epoch)).toBe(intlOffset(epoch));
    expect(stockholm.localDay(epoch)).toBe(
      intlLocal('Europe/Stockholm', epoch).day,
    );
  });
});

function intlOffset(epoch: number): number {
  const local = intlLocal('Europe/Stockholm', epoch);
  const wall = local.day * 86_400_000 + local.minute * 60_000;
  return Math.round((wall - Math.floor(epoch / 60_000) * 60_000) / 60_000);
}
