import type { IToken } from 'chevrotain';

import {
  parseDate,
  parseDateTimeParts,
  parseDuration,
  utcInstant,
} from '../runtime/values.js';
import type { SyntaxProblem } from './syntax-errors.js';
import type {
  DateLiteral,
  DateTimeLiteral,
  DurationLiteral,
  IntegerLiteral,
  LocalDateTimeLiteral,
  MoneyLiteral,
  NumberLiteral,
  StringLiteral,
} from './syntax-tree.js';

/*
 * Turning literal tokens into syntax-tree nodes. A literal that looks right
 * to the lexer may still be wrong (29 February 2025, an unknown escape): the
 * problem goes to `problems` and the node keeps a placeholder value, so that
 * the parse can go on.
 */

const escapes: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  t: '\t',
};

/** The string a quoted literal stands for, with its escapes resolved. */
export function stringLiteral(
  token: IToken,
  problems: SyntaxProblem[],
): StringLiteral {
  const { start, end } = offsets(token);
  const body = token.image.slice(1, -1);
  const value = body.replace(
    /\\(.)/g,
    (whole, character: string, at: number) => {
      const replacement = escapes[character];
      if (replacement !== undefined) return replacement;

      const escapeStart = start + 1 + at;
      const data = { escape: whole };
      problems.push({
        code: 'SL304',
        start: escapeStart,
        end: escapeStart + 2,
        data,
      });
      return character;
    },
  );
  return { kind: 'string-literal', value, start, end };
}

/** A whole number, or a problem if it is too large to be exact. */
export function integerLiteral(
  token: IToken,
  problems: SyntaxProblem[],
): IntegerLiteral {
  const { start, end } = offsets(token);
  const value = Number(token.image);
  if (!Number.isSafeInteger(value)) {
    problems.push({ code: 'SL313', start, end, data: { text: token.image } });
  }
  return { kind: 'integer-literal', value, start, end };
}

/** A decimal number. */
export function numberLiteral(token: IToken): NumberLiteral {
  return {
    kind: 'number-literal',
    value: Number(token.image),
    ...offsets(token),
  };
}

/** An amount: a number token followed by the `SEK` token. */
export function moneyLiteral(amount: IToken, currency: IToken): MoneyLiteral {
  const start = offsets(amount).start;
  const end = offsets(currency).end;
  return { kind: 'money-literal', value: Number(amount.image), start, end };
}

/** A calendar date. */
export function dateLiteral(
  token: IToken,
  problems: SyntaxProblem[],
): DateLiteral {
  const { start, end } = offsets(token);
  const value = parseDate(token.image);
  if (value === undefined) {
    problems.push({ code: 'SL311', start, end, data: { text: token.image } });
  }
  return { kind: 'date-literal', value: value ?? 0, start, end };
}

/** A datetime: an instant when it has an offset, else a local time. */
export function dateTimeLiteral(
  token: IToken,
  problems: SyntaxProblem[],
): DateTimeLiteral | LocalDateTimeLiteral {
  const { start, end } = offsets(token);
  const parts = parseDateTimeParts(token.image);
  if (parts === undefined) {
    problems.push({ code: 'SL314', start, end, data: { text: token.image } });
    return { kind: 'datetime-literal', value: 0, start, end };
  }

  if (parts.offsetMinutes !== undefined) {
    return { kind: 'datetime-literal', value: utcInstant(parts), start, end };
  }
  const { day, millisecondOfDay } = parts;
  return { kind: 'local-datetime-literal', day, millisecondOfDay, start, end };
}

/** A duration in milliseconds. */
export function durationLiteral(token: IToken): DurationLiteral {
  const value = parseDuration(token.image) ?? 0;
  return { kind: 'duration-literal', value, ...offsets(token) };
}

/** The node offsets of a token: its end is exclusive. */
export function offsets(token: IToken): { start: number; end: number } {
  const start = token.startOffset;
  return { start, end: start + token.image.length };
}
