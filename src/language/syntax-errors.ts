import { EOF, tokenMatcher } from 'chevrotain';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';

import { report } from '../diagnostics/catalogue.js';
import type { DiagnosticCode, MessageData } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { embeddedSpan } from '../loading/embedded-text.js';
import type { EmbeddedText } from '../loading/embedded-text.js';
import { comparisonTokens, Identifier, keywords } from './lexer.js';

/**
 * A mistake found while reading a condition, at character offsets of the
 * condition text. It becomes a diagnostic once the file span is known.
 */
export interface SyntaxProblem {
  readonly code: DiagnosticCode;
  readonly start: number;
  readonly end: number;
  readonly data: MessageData;
}

/** Operators from other languages, and what to write instead. */
const foreignOperators: ReadonlyMap<string, string> = new Map([
  ['&&', 'and'],
  ['||', 'or'],
  ['=', '=='],
  ['&', 'and'],
  ['|', 'or'],
  ['!', 'not'],
]);

/** The diagnostic for a problem, placed in the file that holds the text. */
export function problemDiagnostic(
  problem: SyntaxProblem,
  source: EmbeddedText,
): Diagnostic {
  const span = embeddedSpan(source, problem.start, problem.end);
  return report(problem.code, span, problem.data);
}

/** The problem for a character the lexer could not read. */
export function lexingProblem(
  text: string,
  error: ILexingError,
): SyntaxProblem {
  const start = error.offset;
  const character = text.charAt(start);

  if (character === '"' || character === "'") {
    const lineEnd = text.slice(start).search(/[\r\n]/);
    const end = lineEnd === -1 ? text.length : start + lineEnd;
    return { code: 'SL302', start, end, data: { quote: character } };
  }

  for (const [operator, replacement] of foreignOperators) {
    if (text.startsWith(operator, start)) {
      const end = start + operator.length;
      return { code: 'SL303', start, end, data: { operator, replacement } };
    }
  }

  return { code: 'SL301', start, end: start + 1, data: { character } };
}

/**
 * The problem for a parse error. The parser stops at its first error, so
 * there is one; its message is the expected token's label when a particular
 * token was expected (see `expectedTokenMessages` in the parser).
 */
export function parsingProblem(
  text: string,
  error: IRecognitionException,
): SyntaxProblem {
  const token = error.token;
  const atEnd = isEnd(token);
  const start = atEnd ? text.length : token.startOffset;
  const end = atEnd ? text.length : start + token.image.length;
  const found = describeToken(token);

  const keyword = miswrittenKeyword(token);
  if (keyword !== undefined) {
    return { code: 'SL310', start, end, data: { keyword, found: token.image } };
  }
  if (comparisonTokens.some((type) => tokenMatcher(token, type))) {
    return { code: 'SL309', start, end, data: {} };
  }

  switch (error.name) {
    case 'MismatchedTokenException':
      return {
        code: 'SL307',
        start,
        end,
        data: { expected: error.message, found },
      };
    case 'NotAllInputParsedException':
      return { code: 'SL308', start, end, data: { found } };
    default:
      return missingExpression(start, end, found, previousToken(error));
  }
}

function missingExpression(
  start: number,
  end: number,
  found: string,
  previous: IToken | undefined,
): SyntaxProblem {
  if (previous === undefined || isEnd(previous)) {
    return { code: 'SL306', start, end, data: { found } };
  }
  const butFound = start === end ? '' : `, but found ${found}`;
  const data = { previous: previous.image, found: butFound };
  return { code: 'SL305', start, end, data };
}

/** The keyword a name spells in the wrong case, such as `AND` or `sek`. */
function miswrittenKeyword(token: IToken): string | undefined {
  if (!tokenMatcher(token, Identifier)) return undefined;
  const lower = token.image.toLowerCase();
  return keywords.find((word) => word.toLowerCase() === lower);
}

function previousToken(error: IRecognitionException): IToken | undefined {
  const withPrevious = error as { previousToken?: IToken };
  return withPrevious.previousToken;
}

function isEnd(token: IToken): boolean {
  return token.tokenType === EOF || Number.isNaN(token.startOffset);
}

function describeToken(token: IToken): string {
  return isEnd(token) ? 'the end of the condition' : `"${token.image}"`;
}
