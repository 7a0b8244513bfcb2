import { describe, expect, it } from 'vitest';

import { compileExpressionSource } from '../../src/language/index.js';
import type { ConditionContext } from '../../src/runtime/condition-context.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import { parseDate } from '../../src/runtime/values.js';
import { checkText, compileText } from './condition-source.js';
import { exampleScope, retainedScope } from './example-scope.js';

const stockholm = new TimeZone('Europe/Stockholm');

function day(text: string): number {
  const value = parseDate(text);
  if (value === undefined) throw new Error(`not a date: ${text}`);
  return value;
}

function instant(text: string): number {
  return Date.parse(text);
}

const purchases = [
  {
    at: instant('2025-01-10T12:00:00Z'),
    amount: 300,
    area: 'beauty',
    channel: 'store',
  },
  {
    at: instant('2024-11-02T12:00:00Z'),
    amount: 1200,
    area: 'home',
    channel: 'online',
  },
  {
    at: instant('2024-06-01T12:00:00Z'),
    amount: 450,
    area: 'beauty',
    channel: 'online',
  },
  {
    at: instant('2023-01-01T12:00:00Z'),
    amount: 800,
    area: 'beauty',
    channel: 'store',
  },
];

function member(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'anna',
    email: 'Anna@Example.com',
    birth_date: day('1980-06-15'),
    joined_at: instant('2020-01-01T10:00:00Z'),
    last_purchase_at: instant('2025-01-10T12:00:00Z'),
    level: 'plus1500',
    consent: { email: true, sms: false },
    email_quarantined: false,
    purchases,
    bonus_balance: 150,
    ...overrides,
  };
}

const lapsed = compileText(
  'has(member.last_purchase_at) and days_since(member.last_purchase_at) > 367',
);
const beautyLoyal = compileText(
  'count(member.purchases where item.area == "beauty") >= 3',
);

/** The context at an instant, Stockholm time, for one member. */
function contextAt(
  now: string,
  memberRecord: Record<string, unknown>,
  event: Record<string, unknown> | null = null,
): ConditionContext {
  const epoch = instant(now);
  return {
    member: memberRecord,
    event,
    offer: null,
    params: { winback_after_days: 367 },
    segments: {
      lapsed_12m: (c) => lapsed(c) === true,
      beauty_loyal: (c) => beautyLoyal(c) === true,
    },
    now: epoch,
    today: stockholm.localDay(epoch),
    timeZone: stockholm,
  };
}

function evaluate(
  condition: string,
  now: string,
  overrides: Record<string, unknown> = {},
): unknown {
  return compileText(
    condition,
    undefined,
    'any',
  )(contextAt(now, member(overrides)));
}

const winback =
  'has(member.last_purchase_at) and days_since(member.last_purchase_at) > params.winback_after_days and member.consent.email';

describe('compiled conditions', () => {
  it.each([
    ['lapsed, with consent', {}, '2026-01-20T09:00:00+01:00', true],
    ['bought recently', {}, '2025-06-01T09:00:00+02:00', false],
    [
      'never bought',
      { last_purchase_at: null },
      '2026-01-20T09:00:00+01:00',
      false,
    ],
    [
      'no consent',
      { consent: { email: false, sms: true } },
      '2026-01-20T09:00:00+01:00',
      false,
    ],
  ])('winback: %s', (_, overrides, now, expected) => {
    expect(evaluate(winback, now, overrides)).toBe(expected);
  });

  describe('days_since counts local calendar days', () => {
    it.each([
      // Spring forward, 2025-03-30: 01:30 CET on the 30th to 00:10 CEST on
      // the 31st is one calendar day, though the same UTC day.
      ['2025-03-30T00:30:00Z', '2025-03-30T22:10:00Z', 1],
      ['2025-03-29T23:30:00Z', '2025-03-30T21:59:00Z', 0],
      ['2025-03-29T22:30:00Z', '2025-03-30T00:00:00Z', 1],
      // Fall back, 2025-10-26: 00:30 CEST to 23:30 CET is the same day,
      // though a day apart in UTC.
      ['2025-10-25T22:30:00Z', '2025-10-26T22:30:00Z', 0],
      ['2025-10-25T22:30:00Z', '2025-10-26T23:30:00Z', 1],
      ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z', 0],
    ])('from %s to %s: %d', (at, now, days) => {
      const condition = `has(member.last_purchase_at) and days_since(member.last_purchase_at) == ${days}`;

      expect(evaluate(condition, now, { last_purchase_at: instant(at) })).toBe(
        true,
      );
    });

    it('counts days until a date', () => {
      const condition =
        'days_until(2025-04-01) == 2 and days_until(member.joined_at) == -1';
      const joined = instant('2025-03-29T22:30:00Z');

      expect(
        evaluate(condition, '2025-03-30T12:00:00+02:00', { joined_at: joined }),
      ).toBe(true);
    });
  });

  describe('local datetimes and dates', () => {
    it.each([
      ['2025-03-30T01:30:00Z', 'member.joined_at == 2025-03-30T03:30', true],
      // 02:30 does not exist on 2025-03-30: it moves forward to 03:30.
      ['2025-03-30T01:30:00Z', 'member.joined_at == 2025-03-30T02:30', true],
      // 02:30 occurs twice on 2025-10-26: the earlier one, in summer time.
      ['2025-10-26T00:30:00Z', 'member.joined_at == 2025-10-26T02:30', true],
      ['2025-10-26T01:30:00Z', 'member.joined_at == 2025-10-26T02:30', false],
      ['2025-03-29T23:30:00Z', 'date(member.joined_at) == 2025-03-30', true],
      ['2025-03-29T22:59:00Z', 'date(member.joined_at) == 2025-03-30', false],
      ['2025-03-29T22:59:00Z', 'member.joined_at < 2025-03-29T23:00:00Z', true],
    ])('joined %s: %s is %s', (joined, condition, expected) => {
      const result = evaluate(condition, '2025-11-01T12:00:00Z', {
        joined_at: instant(joined),
      });

      expect(result).toBe(expected);
    });

    it.each([
      [
        'has(member.birth_date) and member.birth_date + 36h == 1980-06-16',
        true,
      ],
      ['has(member.birth_date) and member.birth_date - 1w == 1980-06-08', true],
      ['has(member.birth_date) and 2w + member.birth_date == 1980-06-29', true],
      ['has(member.birth_date) and 1980-07-15 - member.birth_date == 30', true],
      ['now() - member.joined_at > 52w', true],
      ['member.joined_at + 1d - member.joined_at == 24h', true],
      ['today() == 2025-03-30', true],
      ['now() == 2025-03-30T10:00:00Z', true],
    ])('computes %s', (condition, expected) => {
      expect(evaluate(condition, '2025-03-30T10:00:00Z')).toBe(expected);
    });
  });

  describe('birthdays', () => {
    it.each([
      ['2000-02-29', '2025-02-28', true],
      ['2000-02-29', '2025-03-01', false],
      ['2000-02-29', '2024-02-28', false],
      ['2000-02-29', '2024-02-29', true],
      ['1980-06-15', '2025-06-15', true],
      ['1980-06-15', '2025-06-14', false],
      ['1980-12-31', '2025-12-31', true],
    ])('born %s, on %s: %s', (birth, on, expected) => {
      const condition =
        'has(member.birth_date) and is_birthday(member.birth_date)';
      const now = `${on}T00:30:00+01:00`;

      expect(evaluate(condition, now, { birth_date: day(birth) })).toBe(
        expected,
      );
    });

    it.each([
      ['2000-02-29', '2025-02-27', 24],
      ['2000-02-29', '2025-02-28', 25],
      ['2000-02-29', '2024-02-28', 23],
      ['2000-02-29', '2024-02-29', 24],
      ['1980-06-15', '2025-06-14', 44],
      ['1980-06-15', '2025-06-15', 45],
    ])('born %s, on %s: %d years', (birth, on, years) => {
      const condition = `has(member.birth_date) and age(member.birth_date) == ${years}`;
      const now = `${on}T12:00:00+01:00`;

      expect(evaluate(condition, now, { birth_date: day(birth) })).toBe(true);
    });
  });

  describe('aggregates', () => {
    const now = '2025-03-01T12:00:00+01:00';

    it.each([
      ['count(member.purchases)', 4],
      ['count(member.purchases where item.area == "beauty")', 3],
      [
        'count(member.purchases where item.area == "beauty" and days_since(item.at) <= 365)',
        2,
      ],
      ['sum(member.purchases, item.amount)', 2750],
      [
        'sum(member.purchases where item.channel == "online", item.amount)',
        1650,
      ],
      ['sum([1, 2, 3])', 6],
      ['max(member.purchases, item.amount)', 1200],
      ['min(member.purchases where item.area == "beauty", item.amount)', 300],
      ['max(member.purchases where item.area == "fashion", item.amount)', null],
      [
        'coalesce(min(member.purchases where item.area == "fashion", item.amount), 0 SEK)',
        0,
      ],
      ['max(member.purchases, item.at)', instant('2025-01-10T12:00:00Z')],
      ['min(["b", "a", "c"])', 'a'],
      ['any(member.purchases where item.amount > 1000 SEK)', true],
      ['any(member.purchases where item.area == "fashion")', false],
      ['all(member.purchases where item.amount >= 300 SEK)', true],
      ['all(member.purchases where item.channel == "store")', false],
      // The inner item is the inner list's: purchases above the largest
      // beauty purchase.
      [
        'count(member.purchases where item.amount > coalesce(max(member.purchases where item.area == "beauty", item.amount), 0 SEK))',
        1,
      ],
    ])('%s is %j', (condition, expected) => {
      expect(evaluate(condition, now)).toBe(expected);
    });

    it.each([
      ['count(member.purchases where item.area == "home")', 0],
      ['sum(member.purchases, item.amount)', 0],
      ['max(member.purchases, item.at)', null],
      ['any(member.purchases where true)', false],
      ['all(member.purchases where false)', true],
    ])('over no purchases, %s is %j', (condition, expected) => {
      expect(evaluate(condition, now, { purchases: [] })).toBe(expected);
    });
  });

  describe('a list with a retention skips the items past it', () => {
    // Kept for 365 days: on 2025-03-01 the purchase of 2023-01-01 is past,
    // the one of 2024-06-01 (273 days old) is not.
    const now = '2025-03-01T12:00:00+01:00';

    it.each([
      ['count(member.purchases)', 3, 4],
      ['count(member.purchases where item.area == "beauty")', 2, 3],
      ['sum(member.purchases, item.amount)', 1950, 2750],
      [
        'min(member.purchases, item.at)',
        instant('2024-06-01T12:00:00Z'),
        instant('2023-01-01T12:00:00Z'),
      ],
      ['any(member.purchases where item.amount == 800 SEK)', false, true],
      ['all(member.purchases where days_since(item.at) <= 365)', true, false],
    ])('%s is %j (without the retention %j)', (condition, kept, all) => {
      const context = contextAt(now, member());
      expect(compileText(condition, retainedScope, 'any')(context)).toBe(kept);
      expect(compileText(condition, exampleScope, 'any')(context)).toBe(all);
    });
  });

  describe('values and operators', () => {
    const now = '2025-03-01T12:00:00+01:00';

    it.each([
      ['member.level in ["plus1500", "plus10000"]', true],
      ['member.level not in ["plus1500", "plus10000"]', false],
      ['member.id in ["a", "b", "c", "d", "anna"]', true],
      ['member.id not in ["a", "b", "c", "d", "anna"]', false],
      ['member.id in []', false],
      ['member.id not in []', true],
      ['lower(member.id) in ["anna"]', true],
      ['"plus1500" in [member.level]', true],
      ['member.level != "member"', true],
      ['member.bonus_balance * 2 == 300 SEK', true],
      ['member.bonus_balance / 100 SEK == 1.5', true],
      ['member.bonus_balance - 200 SEK < 0 SEK', true],
      ['-member.bonus_balance == -150 SEK', true],
      ['7 / 2 == 3.5', true],
      ['2 + 3 * 4 == 14', true],
      ['(2 + 3) * 4 == 20', true],
      ['lower(member.id) == "anna" and upper(member.id) == "ANNA"', true],
      ['has(member.email) and lower(member.email) == "anna@example.com"', true],
      ['has(member.email) and ends_with(member.email, ".com")', true],
      ['starts_with(member.id, "an") and contains(member.id, "nn")', true],
      ['len(member.id) == 4 and len(member.purchases) == 4', true],
      ['contains(["a", "anna"], member.id)', true],
      ["\"it's\" == 'it\\'s'", true],
      ['segment.beauty_loyal and not segment.lapsed_12m', true],
      ['member.consent.email and not member.consent.sms', true],
    ])('%s is %j', (condition, expected) => {
      expect(evaluate(condition, now)).toBe(expected);
    });

    it.each([
      ['has(member.email) and member.email == "x"', { email: null }, false],
      [
        'not has(member.email) or member.email == "x"',
        { email: undefined },
        true,
      ],
      ['coalesce(member.email, "none") == "none"', { email: null }, true],
      [
        'coalesce(member.last_purchase_at, member.joined_at) == member.joined_at',
        { last_purchase_at: null },
        true,
      ],
    ])('guards %s', (condition, overrides, expected) => {
      expect(evaluate(condition, now, overrides)).toBe(expected);
    });

    it('reads the event', () => {
      const condition =
        'event.amount >= 500 SEK and event.channel == "online" and event.area in ["home", "beauty"]';
      const compiled = compileText(condition);
      const event = {
        amount: 800,
        channel: 'online',
        area: 'home',
        at: 0,
        type: 'purchase',
      };

      expect(compiled(contextAt(now, member(), event))).toBe(true);
      expect(
        compiled(contextAt(now, member(), { ...event, area: 'fashion' })),
      ).toBe(false);
    });
  });

  describe('compiled source', () => {
    function source(text: string): string {
      const { expression } = checkText(text);
      return expression === undefined
        ? ''
        : compileExpressionSource(expression);
    }

    it('is a plain function of the context', () => {
      expect(source(winback)).toBe(
        '(c) => (((c.member.last_purchase_at != null) && ((c.today - c.timeZone.localDay(c.member.last_purchase_at)) > c.params.winback_after_days)) && c.member.consent.email)',
      );
    });

    it('declares aggregate loops once, beside the function', () => {
      const text =
        'count(member.purchases where item.area in ["home", "beauty"]) > 1';

      expect(source(text)).toBe(
        [
          '(() => {',
          '  function count0(c, list) {',
          '    let result = 0;',
          '    for (let index = 0; index < list.length; index++) {',
          '      const item = list[index];',
          '      if (!(item.area === "home" || item.area === "beauty")) continue;',
          '      result++;',
          '    }',
          '    return result;',
          '  }',
          '  return (c) => (count0(c, c.member.purchases) > 1);',
          '})()',
        ].join('\n'),
      );
    });

    it('builds a long list of literals once', () => {
      const text = 'member.id not in ["a", "b", "c", "d", "e"]';

      expect(source(text)).toBe(
        [
          '(() => {',
          '  const values0 = ["a", "b", "c", "d", "e"];',
          '  return (c) => (!values0.includes(c.member.id));',
          '})()',
        ].join('\n'),
      );
    });
  });
});
