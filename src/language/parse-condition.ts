import { tokenMatcher } from 'chevrotain';
import type { IToken } from 'chevrotain';

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EmbeddedText } from '../loading/embedded-text.js';
import { conditionLexer, MalformedNumber } from './lexer.js';
import { offsets } from './literals.js';
import { ConditionParser } from './parser.js';
import {
  lexingProblem,
  parsingProblem,
  problemDiagnostic,
} from './syntax-errors.js';
import type { SyntaxProblem } from './syntax-errors.js';
import type { Expression } from './syntax-tree.js';

/** What parseCondition returns: the tree if the text could be read. */
export interface ParseResult {
  readonly expression: Expression | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Built on first use and reused: building analyses the whole grammar. */
let sharedParser: ConditionParser | undefined;

/**
 * Reads a condition into its syntax tree. Lexer and parser errors come back
 * as diagnostics placed in the file that holds the text; the expression is
 * undefined when there is any.
 */
export function parseCondition(source: EmbeddedText): ParseResult {
  const lexed = conditionLexer.tokenize(source.text);
  const problem = lexed.errors[0];
  if (problem !== undefined) {
    return failure(lexingProblem(source.text, problem), source);
  }

  const malformed = lexed.tokens.find((token) =>
    tokenMatcher(token, MalformedNumber),
  );
  if (malformed !== undefined) {
    const data = { text: malformed.image };
    return failure({ code: 'SL312', ...offsets(malformed), data }, source);
  }
  if (lexed.tokens.length === 0) {
    const end = source.text.length;
    return failure({ code: 'SL300', start: 0, end, data: {} }, source);
  }

  return parseTokens(lexed.tokens, source);
}

function parseTokens(tokens: IToken[], source: EmbeddedText): ParseResult {
  sharedParser ??= new ConditionParser();
  const parser = sharedParser;
  parser.problems = [];
  parser.input = tokens;
  const expression = parser.expression();

  const error = parser.errors[0];
  if (error !== undefined) {
    return failure(parsingProblem(source.text, error), source);
  }
  const diagnostics = parser.problems.map((found) =>
    problemDiagnostic(found, source),
  );
  return {
    expression: diagnostics.length === 0 ? expression : undefined,
    diagnostics,
  };
}

function failure(problem: SyntaxProblem, source: EmbeddedText): ParseResult {
  return {
    expression: undefined,
    diagnostics: [problemDiagnostic(problem, source)],
  };
}
