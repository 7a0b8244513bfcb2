import { describe, expect, it } from 'vitest';

import type { Scope } from '../../src/language/index.js';
import { checkText, located } from './condition-source.js';
import { retainedScope, scheduledScope } from './example-scope.js';

/*
 * Conditions that must fail, each with the one diagnostic it gives: its
 * code and the line and column in the file. Every condition starts at
 * line 3, column 12 (see condition-source.ts).
 */
interface Row {
  readonly condition: string;
  readonly code: string;
  readonly column: number;
  readonly scope?: Scope;
}

const syntaxErrors: readonly Row[] = [
  { condition: '', code: 'SL300', column: 12 },
  { condition: 'member.id == #x', code: 'SL301', column: 25 },
  { condition: 'member.id == "abc', code: 'SL302', column: 25 },
  { condition: 'member.level = "plus1500"', code: 'SL303', column: 25 },
  {
    condition: 'member.consent.email && member.consent.sms',
    code: 'SL303',
    column: 33,
  },
  { condition: '!member.consent.email', code: 'SL303', column: 12 },
  { condition: 'member.id == "a\\qb"', code: 'SL304', column: 27 },
  { condition: 'member.consent.email and', code: 'SL305', column: 36 },
  { condition: 'member.consent.email and )', code: 'SL305', column: 37 },
  { condition: ') or member.consent.email', code: 'SL306', column: 12 },
  { condition: '(member.consent.email', code: 'SL307', column: 33 },
  { condition: 'member.', code: 'SL307', column: 19 },
  {
    condition: 'member.consent.email member.consent.sms',
    code: 'SL308',
    column: 33,
  },
  { condition: '1 < params.winback_after_days < 3', code: 'SL309', column: 42 },
  {
    condition: 'member.consent.email AND member.consent.sms',
    code: 'SL310',
    column: 33,
  },
  { condition: 'member.bonus_balance > 500 sek', code: 'SL310', column: 39 },
  {
    condition: 'date(member.joined_at) == 2025-02-29',
    code: 'SL311',
    column: 38,
  },
  {
    condition: 'days_since(member.joined_at) > 7days',
    code: 'SL312',
    column: 43,
  },
  {
    condition: 'params.winback_after_days > 99999999999999999',
    code: 'SL313',
    column: 40,
  },
  {
    condition: 'member.joined_at > 2025-01-01T25:00',
    code: 'SL314',
    column: 31,
  },
];

const typeErrors: readonly Row[] = [
  { condition: 'membr.consent.email', code: 'SL400', column: 12 },
  {
    condition: 'event.amount > 0 SEK',
    code: 'SL401',
    column: 12,
    scope: scheduledScope,
  },
  { condition: 'item.area == "home"', code: 'SL402', column: 12 },
  { condition: 'member.consent.emial', code: 'SL403', column: 27 },
  { condition: 'member.id.length > 3', code: 'SL404', column: 22 },
  { condition: 'day_since(member.joined_at) > 3', code: 'SL405', column: 12 },
  { condition: 'days_since() > 3', code: 'SL406', column: 12 },
  {
    condition: 'count(member.purchases, item.amount) > 1',
    code: 'SL406',
    column: 12,
  },
  { condition: 'days_since(member.id) > 3', code: 'SL407', column: 23 },
  {
    condition: 'sum(member.purchases where item.area == "home", item.area) > 0',
    code: 'SL407',
    column: 60,
  },
  { condition: 'member.email == "a@b.se"', code: 'SL408', column: 12 },
  {
    condition: 'days_since(member.last_purchase_at) > 30',
    code: 'SL408',
    column: 23,
  },
  {
    condition: 'has(member.email) or member.email == "x"',
    code: 'SL408',
    column: 33,
  },
  {
    condition: 'member.bonus_balance + 5 > 100 SEK',
    code: 'SL409',
    column: 12,
  },
  { condition: '-member.id == "x"', code: 'SL410', column: 12 },
  { condition: 'event.amount > 0', code: 'SL411', column: 12 },
  { condition: 'member.joined_at > 2025-01-01', code: 'SL411', column: 12 },
  { condition: 'member.consent.email < true', code: 'SL412', column: 12 },
  { condition: 'member.level == "gold"', code: 'SL413', column: 28 },
  { condition: 'event.area in ["home", "garden"]', code: 'SL413', column: 35 },
  { condition: 'member.level in member.id', code: 'SL414', column: 28 },
  { condition: 'member.bonus_balance', code: 'SL415', column: 12 },
  { condition: 'not member.bonus_balance', code: 'SL415', column: 16 },
  { condition: 'member.id in ["a", 1]', code: 'SL416', column: 31 },
  {
    condition: 'lower(member.id where true) == "x"',
    code: 'SL417',
    column: 34,
  },
  { condition: 'all(member.purchases)', code: 'SL418', column: 12 },
  { condition: 'count(member.id) > 1', code: 'SL419', column: 18 },
  { condition: 'has(member.id)', code: 'SL420', column: 16 },
  { condition: 'len([]) > 0', code: 'SL421', column: 16 },
  {
    condition: 'any(member.purchases where days_since(item.at) > 400)',
    code: 'SL422',
    column: 39,
    scope: retainedScope,
  },
  {
    condition:
      'count(member.purchases where item.area == "beauty" and 365 < days_since(item.at)) > 0',
    code: 'SL422',
    column: 67,
    scope: retainedScope,
  },
  {
    condition:
      'any(member.purchases where days_since(item.at) >= 366 and item.amount > 100 SEK)',
    code: 'SL422',
    column: 39,
    scope: retainedScope,
  },
];

describe('broken conditions', () => {
  it.each([...syntaxErrors, ...typeErrors])(
    '$code at column $column: $condition',
    ({ condition, code, column, scope }) => {
      const { diagnostics } = checkText(condition, scope);

      expect(diagnostics.map(located)).toEqual([[code, 3, column]]);
    },
  );

  it('covers every code of the language', async () => {
    const { languageMessages } =
      await import('../../src/diagnostics/messages/language.js');
    const tested = new Set(
      [...syntaxErrors, ...typeErrors].map((row) => row.code),
    );

    expect([...tested].sort()).toEqual(Object.keys(languageMessages).sort());
  });
});

describe('looking back over a list with a retention', () => {
  it.each([
    'any(member.purchases where days_since(item.at) <= 400)',
    'any(member.purchases where days_since(item.at) == 365)',
    'any(member.purchases where days_since(item.at) > 364)',
    'any(member.purchases where not (days_since(item.at) > 400))',
    'any(member.purchases where days_since(item.at) > 400 or item.amount > 100 SEK)',
  ])('%s is no finding', (condition) => {
    expect(checkText(condition, retainedScope).diagnostics).toEqual([]);
  });
});
