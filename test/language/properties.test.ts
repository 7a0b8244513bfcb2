import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  checkExpression,
  compileCondition,
  parseCondition,
} from '../../src/language/index.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import { conditionSource } from './condition-source.js';
import { exampleScope } from './example-scope.js';

/*
 * Whatever text a user types, the language answers with diagnostics, never
 * an exception; and what checks without errors compiles and runs.
 */

const validConditions = [
  'has(member.last_purchase_at) and days_since(member.last_purchase_at) > params.winback_after_days and member.consent.email',
  'count(member.purchases where item.area == "beauty" and days_since(item.at) <= 365) >= 2',
  'sum(member.purchases where item.area == "home", item.amount) > 500 SEK',
  'member.level in ["plus1500", "plus10000"] or not has(member.email)',
  'coalesce(max(member.purchases, item.at), member.joined_at) < now() - 30d',
  'event.channel == "online" and event.amount >= 99.5 SEK',
  'has(member.birth_date) and is_birthday(member.birth_date) and age(member.birth_date) >= 18',
  'any(member.purchases where item.channel == "store") and all(member.purchases where item.amount > 0 SEK)',
  'date(member.joined_at) >= 2024-05-01 and member.joined_at < 2025-03-30T02:30',
  '(segment.lapsed_12m or segment.beauty_loyal) and -(1 + 2) * 3 / 4 < 0',
  "has(member.email) and starts_with(lower(member.email), 'a\\'b')",
];

/** Pieces of the language, so that random text often comes close to valid. */
const pieces = [
  'member',
  'event',
  'item',
  'params',
  'segment',
  '.',
  'purchases',
  'email',
  'amount',
  'at',
  'area',
  'level',
  '(',
  ')',
  '[',
  ']',
  ',',
  ' and ',
  ' or ',
  'not ',
  ' in ',
  ' where ',
  '==',
  '!=',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '3',
  '2.5',
  '500 SEK',
  '"beauty"',
  "'x'",
  '7d',
  '2024-05-01',
  '2024-05-01T10:00Z',
  'true',
  'has(',
  'count(',
  'sum(',
  'max(',
  'coalesce(',
  'days_since(',
  '"',
  '\\',
  '=',
  '!',
  '&&',
  ' ',
  '\n',
  'AND',
  '99999999999999999999',
];

const fragments = fc
  .array(fc.constantFrom(...pieces), { maxLength: 20 })
  .map((parts) => parts.join(''));

/** A valid condition with a slice removed, a piece inserted, or both. */
const mutations = fc
  .record({
    condition: fc.constantFrom(...validConditions),
    cut: fc.nat(),
    length: fc.nat({ max: 8 }),
    insert: fc.oneof(fc.constant(''), fc.constantFrom(...pieces), fc.string()),
  })
  .map(({ condition, cut, length, insert }) => {
    const at = cut % (condition.length + 1);
    return condition.slice(0, at) + insert + condition.slice(at + length);
  });

const member = {
  id: 'anna',
  email: 'anna@example.com',
  birth_date: 3000,
  joined_at: 1.6e12,
  last_purchase_at: 1.7e12,
  level: 'member',
  consent: { email: true, sms: true },
  email_quarantined: false,
  purchases: [{ at: 1.65e12, amount: 100, area: 'home', channel: 'store' }],
  bonus_balance: 10,
};

const stockholm = new TimeZone();
const context = {
  member,
  event: {
    amount: 100,
    area: 'home',
    channel: 'online',
    at: 1.7e12,
    type: 'purchase',
  },
  offer: {
    id: 'o',
    code: 'c',
    issued_at: 1.7e12,
    expires_at: 1.8e12,
    redeemed: false,
  },
  params: { winback_after_days: 367 },
  segments: { lapsed_12m: () => true, beauty_loyal: () => false },
  now: 1.75e12,
  today: stockholm.localDay(1.75e12),
  timeZone: stockholm,
};

/** Parses, checks and, when clean, compiles and runs: must not throw. */
function process(text: string): void {
  const source = conditionSource(text);
  const parsed = parseCondition(source);
  if (parsed.expression === undefined) {
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    return;
  }

  const checked = checkExpression(parsed.expression, exampleScope, source);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) compileCondition(parsed.expression)(context);
}

describe('the language never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), process), {
      numRuns: 2_000,
    });
  });

  it('on sequences of its own tokens', () => {
    fc.assert(fc.property(fragments, process), { numRuns: 3_000 });
  });

  it('on mutated valid conditions', () => {
    fc.assert(fc.property(mutations, process), { numRuns: 3_000 });
  });

  it('reports every diagnostic inside the condition', () => {
    fc.assert(
      fc.property(mutations, (text) => {
        const source = conditionSource(text);
        const parsed = parseCondition(source);
        const checked =
          parsed.expression === undefined
            ? []
            : checkExpression(parsed.expression, exampleScope, source)
                .diagnostics;
        const start = source.start;
        const end = source.start + text.length;

        for (const diagnostic of [...parsed.diagnostics, ...checked]) {
          expect(diagnostic.span?.start.offset).toBeGreaterThanOrEqual(start);
          expect(diagnostic.span?.end.offset).toBeLessThanOrEqual(end);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
