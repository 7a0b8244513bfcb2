import { createToken, Lexer } from 'chevrotain';
import type { TokenType } from 'chevrotain';

/*
 * The tokens of the condition language. Order matters where patterns
 * overlap: datetimes before dates before numbers, keywords before names.
 * A number glued to letters (`7days`, `500SEK`) is lexed whole as a
 * MalformedNumber so that it can be reported as one mistake.
 */

/** Spaces, tabs and line breaks between tokens. */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /\s+/,
  group: Lexer.SKIPPED,
});

/** A name: a root, attribute or function. */
export const Identifier = createToken({
  name: 'Identifier',
  label: 'a name',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
});

function keyword(name: string, word: string): TokenType {
  return createToken({
    name,
    label: `"${word}"`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
  });
}

export const And = keyword('And', 'and');
export const Or = keyword('Or', 'or');
export const Not = keyword('Not', 'not');
export const In = keyword('In', 'in');
export const Where = keyword('Where', 'where');
export const True = keyword('True', 'true');
export const False = keyword('False', 'false');
/** The currency of money literals: `500 SEK`. */
export const Sek = keyword('Sek', 'SEK');

export const DateTimeLiteral = createToken({
  name: 'DateTimeLiteral',
  label: 'a datetime',
  pattern:
    /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?/,
});

export const DateLiteral = createToken({
  name: 'DateLiteral',
  label: 'a date',
  pattern: /\d{4}-\d{2}-\d{2}/,
});

export const DurationLiteral = createToken({
  name: 'DurationLiteral',
  label: 'a duration',
  pattern: /\d+[mhdw](?![A-Za-z0-9_])/,
});

export const DecimalLiteral = createToken({
  name: 'DecimalLiteral',
  label: 'a number',
  pattern: /\d+\.\d+(?![A-Za-z0-9_])/,
});

export const IntegerLiteral = createToken({
  name: 'IntegerLiteral',
  label: 'a number',
  pattern: /\d+(?![A-Za-z0-9_])/,
});

/** Digits run into letters: never valid, lexed so it can be reported. */
export const MalformedNumber = createToken({
  name: 'MalformedNumber',
  label: 'a malformed number',
  pattern: /\d[A-Za-z0-9_.]*/,
});

export const StringLiteral = createToken({
  name: 'StringLiteral',
  label: 'a string',
  pattern: /"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'/,
});

function punctuation(name: string, text: string): TokenType {
  const escaped = text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return createToken({
    name,
    label: `"${text}"`,
    pattern: new RegExp(escaped),
  });
}

export const Equal = punctuation('Equal', '==');
export const NotEqual = punctuation('NotEqual', '!=');
export const LessEqual = punctuation('LessEqual', '<=');
export const GreaterEqual = punctuation('GreaterEqual', '>=');
export const Less = punctuation('Less', '<');
export const Greater = punctuation('Greater', '>');
export const Plus = punctuation('Plus', '+');
export const Minus = punctuation('Minus', '-');
export const Star = punctuation('Star', '*');
export const Slash = punctuation('Slash', '/');
export const LeftParen = punctuation('LeftParen', '(');
export const RightParen = punctuation('RightParen', ')');
export const LeftBracket = punctuation('LeftBracket', '[');
export const RightBracket = punctuation('RightBracket', ']');
export const Comma = punctuation('Comma', ',');
export const Dot = punctuation('Dot', '.');

/** Every token, in the order the lexer tries them. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  DateTimeLiteral,
  DateLiteral,
  DurationLiteral,
  DecimalLiteral,
  IntegerLiteral,
  MalformedNumber,
  StringLiteral,
  And,
  Or,
  Not,
  In,
  Where,
  True,
  False,
  Sek,
  Identifier,
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Plus,
  Minus,
  Star,
  Slash,
  LeftParen,
  RightParen,
  LeftBracket,
  RightBracket,
  Comma,
  Dot,
];

/** The comparison operators: a second one after a comparison is a chain. */
export const comparisonTokens: readonly TokenType[] = [
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  In,
];

/** The reserved words, as written. */
export const keywords: readonly string[] = [
  'and',
  'or',
  'not',
  'in',
  'where',
  'true',
  'false',
  'SEK',
];

/** The lexer, built once: construction validates and analyses the tokens. */
export const conditionLexer = new Lexer([...allTokens], {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});
