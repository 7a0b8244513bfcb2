import { describe, expect, it } from 'vitest';

import { SourceFile } from '../../src/diagnostics/source-file.js';
import { parseCondition } from '../../src/language/index.js';
import type { Expression } from '../../src/language/index.js';
import { assertNever } from '../../src/support/assert-never.js';
import { conditionSource, located } from './condition-source.js';

/** The tree as compact text: every operator bracketed, to show grouping. */
function shape(expression: Expression): string {
  switch (expression.kind) {
    case 'string-literal':
      return JSON.stringify(expression.value);
    case 'boolean-literal':
    case 'integer-literal':
    case 'number-literal':
      return String(expression.value);
    case 'money-literal':
      return `${expression.value} SEK`;
    case 'date-literal':
      return `date:${expression.value}`;
    case 'datetime-literal':
      return `datetime:${expression.value}`;
    case 'local-datetime-literal':
      return `local:${expression.day}+${expression.millisecondOfDay}`;
    case 'duration-literal':
      return `duration:${expression.value}`;
    case 'list':
      return `[${expression.items.map(shape).join(', ')}]`;
    case 'path':
      return [expression.root, ...expression.properties]
        .map((part) => part.name)
        .join('.');
    case 'call': {
      const [first, ...rest] = expression.arguments.map(shape);
      const filter =
        expression.filter === undefined
          ? ''
          : ` where ${shape(expression.filter)}`;
      const head = first === undefined ? '' : `${first}${filter}`;
      return `${expression.callee.name}(${[head, ...rest].join(', ')})`;
    }
    case 'unary':
      return `(${expression.operator} ${shape(expression.operand)})`;
    case 'binary':
    case 'comparison':
    case 'logical':
      return `(${shape(expression.left)} ${expression.operator} ${shape(expression.right)})`;
    default:
      return assertNever(expression);
  }
}

function parse(text: string): string {
  const { expression, diagnostics } = parseCondition(conditionSource(text));
  expect(diagnostics).toEqual([]);
  return expression === undefined ? '' : shape(expression);
}

function firstMessage(text: string): string {
  const { diagnostics } = parseCondition(conditionSource(text));
  return diagnostics.map((diagnostic) => diagnostic.message).join('\n');
}

describe('parseCondition', () => {
  it.each([
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['not a and b', '((not a) and b)'],
    ['not a == b', '(not (a == b))'],
    ['not not a', '(not (not a))'],
    ['a + b * c - d', '((a + (b * c)) - d)'],
    ['a - b - c', '((a - b) - c)'],
    ['-a * b', '((- a) * b)'],
    ['(a or b) and c', '((a or b) and c)'],
    ['a + b < c * 2', '((a + b) < (c * 2))'],
    ['x in [1, 2]', '(x in [1, 2])'],
    ['x not in []', '(x not in [])'],
    ['f()', 'f()'],
    ['f(a, b)', 'f(a, b)'],
    [
      'count(xs where item.y and z, item.w)',
      'count(xs where (item.y and z), item.w)',
    ],
  ])('groups %s as %s', (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it.each([
    ['3', '3'],
    ['2.5', '2.5'],
    ['500 SEK', '500 SEK'],
    ['99.5 SEK', '99.5 SEK'],
    ['"a\\"b"', '"a\\"b"'],
    ["'it\\'s'", '"it\'s"'],
    ['"tab\\there"', '"tab\\there"'],
    ['true', 'true'],
    ['false', 'false'],
    ['1970-01-02', 'date:1'],
    ['2024-05-01', 'date:19844'],
    ['1970-01-01T00:00:01Z', 'datetime:1000'],
    ['1970-01-01T01:00+01:00', 'datetime:0'],
    ['1970-01-01T00:00:00.250-00:30', 'datetime:1800250'],
    ['2025-03-30T10:00', 'local:20177+36000000'],
    ['30m', 'duration:1800000'],
    ['12h', 'duration:43200000'],
    ['7d', 'duration:604800000'],
    ['2w', 'duration:1209600000'],
  ])('reads the literal %s', (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it('gives every node its span in the condition', () => {
    const { expression } = parseCondition(
      conditionSource('( member.a )  and f(x) == 2'),
    );

    expect(expression).toMatchObject({
      kind: 'logical',
      start: 0,
      end: 27,
      left: { kind: 'path', start: 0, end: 12 },
      right: {
        kind: 'comparison',
        start: 18,
        end: 27,
        left: {
          kind: 'call',
          start: 18,
          end: 22,
          callee: { start: 18, end: 19 },
        },
      },
    });
  });

  it.each([
    ['', 'The condition is empty.'],
    ['member.consent.email and', 'Expected an expression after "and".'],
    ['a or )', 'Expected an expression after "or", but found ")".'],
    [') a', 'Expected an expression, but found ")".'],
    ['f(a', 'Expected ")", but found the end of the condition.'],
    ['[1, 2', 'Expected "]", but found the end of the condition.'],
    ['a b', 'Unexpected "b" after a complete expression.'],
    ['a == b == c', 'Comparisons cannot be chained.'],
    ['a Or b', 'Write "or", not "Or": keywords are case-sensitive.'],
    ['a = 1', '"=" is not an operator of the condition language.'],
    ['a || b', '"||" is not an operator of the condition language.'],
    ['"open', 'This string is not closed.'],
    ['a @ b', 'Unexpected character "@".'],
    ['2025-13-01', 'There is no date 2025-13-01.'],
    ['3x', '"3x" is not a number, duration or amount.'],
  ])('explains %j as %j', (text, message) => {
    expect(firstMessage(text)).toBe(message);
  });

  it('places diagnostics of a condition folded over lines', () => {
    // A YAML block scalar: the condition's second line stands indented on
    // the file's fourth line, so offsets map character by character.
    const fileText =
      'kind: Segment\nid: x\ncondition: >-\n  member.consent.email\n  and\n';
    const file = new SourceFile('journeys/x.yaml', fileText);
    const text = 'member.consent.email and';
    const start = fileText.indexOf('member');
    const secondLine = fileText.indexOf('and');
    const offsets = [...text].map((_, index) =>
      index < 21 ? start + index : secondLine + index - 21,
    );
    const source = { text, file, start, offsets: [...offsets, secondLine + 3] };

    const { diagnostics } = parseCondition(source);

    expect(diagnostics.map(located)).toEqual([['SL305', 5, 6]]);
  });
});
