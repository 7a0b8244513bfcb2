import { describe, expect, it } from 'vitest';

import {
  describeType,
  listType,
  objectType,
  optionalType,
  scalarType,
} from '../../src/language/index.js';
import { checkText, located } from './condition-source.js';

/** The type of an expression checked without an expected type. */
function typeOf(text: string): string {
  const { type, diagnostics } = checkText(text, undefined, 'any');
  expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  return type === undefined ? '' : describeType(type);
}

function diagnosticsOf(text: string): [string, number, number][] {
  return checkText(text).diagnostics.map(located);
}

describe('checkExpression', () => {
  it.each([
    ['1 + 2', 'integer'],
    ['1 + 2.5', 'number'],
    ['7 / 2', 'number'],
    ['member.bonus_balance * 2', 'money'],
    ['0.5 * member.bonus_balance', 'money'],
    ['member.bonus_balance / 2', 'money'],
    ['member.bonus_balance / 100 SEK', 'number'],
    ['-member.bonus_balance', 'money'],
    ['today() + 7d', 'date'],
    ['7d + today()', 'date'],
    ['today() - 2024-01-01', 'integer'],
    ['now() - member.joined_at', 'duration'],
    ['member.joined_at + 12h', 'datetime'],
    ['2w - 30m', 'duration'],
    ['3 * 1d', 'duration'],
    ['1d / 1h', 'number'],
    ['member.email', 'string?'],
    ['member.level', 'enum(member, plus1500, plus10000)'],
    ['member.consent', 'object{email, sms}'],
    ['["a", "b"]', 'list<string>'],
    ['[1, 2.5]', 'list<number>'],
    ['count(member.purchases)', 'integer'],
    ['sum(member.purchases, item.amount)', 'money'],
    ['sum([1, 2])', 'integer'],
    ['min(member.purchases, item.at)', 'datetime?'],
    ['max([1.5, 2])', 'number?'],
    ['coalesce(member.email, "none")', 'string'],
    ['coalesce(member.level, "member")', 'enum(member, plus1500, plus10000)'],
    ['date(member.joined_at)', 'date'],
    ['days_until(2030-01-01)', 'integer'],
    ['len(member.purchases)', 'integer'],
    ['contains(["a"], member.id)', 'boolean'],
    ['segment.lapsed_12m', 'boolean'],
    ['params.winback_after_days', 'integer'],
  ])('types %s as %s', (text, expected) => {
    expect(typeOf(text)).toBe(expected);
  });

  it('accepts an integer where a number is expected', () => {
    const number = scalarType('number');

    expect(checkText('1 + 2', undefined, number).diagnostics).toEqual([]);
  });

  it('accepts an optional value where an optional type is expected', () => {
    const expected = optionalType(scalarType('string'));

    expect(checkText('member.email', undefined, expected).diagnostics).toEqual(
      [],
    );
  });

  it.each([
    'has(member.email) and member.email == "a"',
    'not has(member.email) or member.email == "a"',
    'has(member.email) and has(member.birth_date) and member.email != "" and is_birthday(member.birth_date)',
    '(has(member.email) and has(member.birth_date)) and age(member.birth_date) > 20',
    'not (not has(member.email)) and member.email == "a"',
    'not (not has(member.email) or not has(member.birth_date)) and age(member.birth_date) > 1',
    '(has(member.email) or has(member.email)) and member.email == "a"',
    'has(member.last_purchase_at) and (days_since(member.last_purchase_at) > 3 or member.consent.sms)',
    'any(member.purchases where item.area == "home") and has(member.email) and member.email == "a"',
  ])('narrows in %s', (text) => {
    expect(diagnosticsOf(text)).toEqual([]);
  });

  it.each([
    // `or` tells nothing about its right side when the left is true.
    ['has(member.email) or member.email == "a"', 33],
    // Facts do not pass the other way.
    ['member.email == "a" and has(member.email)', 12],
    // Only what both sides of an `or` guarantee holds after it.
    [
      '(has(member.email) or has(member.birth_date)) and member.email == "a"',
      62,
    ],
    // `not has` guards the right side of `and` from nothing.
    ['not has(member.email) and member.email == "a"', 38],
  ])('does not narrow in %s', (text, column) => {
    expect(diagnosticsOf(text)).toEqual([['SL408', 3, column]]);
  });

  it('reports each mistake once, not what follows from it', () => {
    const text = 'days_since(membr.joined_at) > 3 and membr.x + 1 == 2';

    expect(diagnosticsOf(text)).toEqual([
      ['SL400', 3, 23],
      ['SL400', 3, 48],
    ]);
  });

  it('suggests the closest name', () => {
    const messages = checkText('membr.consent.emial').diagnostics.map(
      (diagnostic) => diagnostic.message,
    );

    expect(messages).toEqual(['Unknown name "membr". Did you mean "member"?']);
  });

  it('names the values of an enum a literal is not among', () => {
    const [diagnostic] = checkText('event.area == "bauty"').diagnostics;

    expect(diagnostic?.message).toBe(
      '"bauty" is not a value of enum(fashion, home, beauty). Did you mean "beauty"?',
    );
    expect(diagnostic?.help).toBe('Its values are: fashion, home, beauty.');
  });

  it('suggests has() or coalesce() for an unguarded comparison', () => {
    const [diagnostic] = checkText('member.email == "a"').diagnostics;

    expect(diagnostic?.help).toBe(
      'Guard it, as in has(member.email) and ..., or give a default with coalesce(member.email, ...).',
    );
  });

  it('says how to write an amount compared with a number', () => {
    const [diagnostic] = checkText('event.amount >= 500').diagnostics;

    expect(diagnostic?.message).toBe('Cannot compare money with integer.');
    expect(diagnostic?.help).toBe(
      'Write amounts with their currency, such as 500 SEK.',
    );
  });

  it('keeps item to its aggregate', () => {
    const text =
      'count(member.purchases where item.area == "home") > 0 and item.area == "home"';

    expect(diagnosticsOf(text)).toEqual([['SL402', 3, 70]]);
  });

  it('lets the filter guard the projection, and only there', () => {
    const visit = objectType(
      new Map([['at', optionalType(scalarType('datetime'))]]),
    );
    const member = objectType(new Map([['visits', listType(visit)]]));
    const scope = { roots: new Map([['member', member]]) };
    const guarded = 'max(member.visits where has(item.at), item.at)';
    const unguarded = 'max(member.visits, item.at)';

    expect(checkText(guarded, scope, 'any').diagnostics).toEqual([]);
    expect(checkText(unguarded, scope, 'any').diagnostics.map(located)).toEqual(
      [['SL408', 3, 31]],
    );
  });
});
