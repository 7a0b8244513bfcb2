import { SourceFile } from '../../src/diagnostics/source-file.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import {
  checkExpression,
  compileCondition,
  parseCondition,
} from '../../src/language/index.js';
import type { Expression, Scope, Type } from '../../src/language/index.js';
import { embeddedText } from '../../src/loading/embedded-text.js';
import type { EmbeddedText } from '../../src/loading/embedded-text.js';
import type { CompiledCondition } from '../../src/runtime/condition-context.js';
import { exampleScope } from './example-scope.js';

/*
 * Conditions as they stand in a workspace file: the third line of a Segment
 * document, after `condition: `, so that a condition's first character is at
 * line 3, column 12 of the file.
 */

/** The file text before the condition. */
export const conditionPrefix = 'kind: Segment\nid: example\ncondition: ';

/** A condition as embedded text in a segment file. */
export function conditionSource(text: string): EmbeddedText {
  const file = new SourceFile(
    'journeys/segments.yaml',
    `${conditionPrefix}${text}\n`,
  );
  return embeddedText(file, text, conditionPrefix.length);
}

/** What parsing and checking a condition gave. */
export interface Checked {
  readonly expression: Expression | undefined;
  readonly type: Type | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses and checks a condition; `expected` defaults to boolean, and
 * `'any'` checks without an expected type.
 */
export function checkText(
  text: string,
  scope: Scope = exampleScope,
  expected: Type | 'any' = { kind: 'boolean' },
): Checked {
  const source = conditionSource(text);
  const parsed = parseCondition(source);
  if (parsed.expression === undefined) {
    return { ...parsed, type: undefined };
  }
  const checked =
    expected === 'any'
      ? checkExpression(parsed.expression, scope, source)
      : checkExpression(parsed.expression, scope, source, expected);
  return { expression: parsed.expression, ...checked };
}

/** Compiles a condition that must check without diagnostics. */
export function compileText(
  text: string,
  scope: Scope = exampleScope,
  expected: Type | 'any' = { kind: 'boolean' },
): CompiledCondition {
  const { expression, diagnostics } = checkText(text, scope, expected);
  if (expression === undefined || diagnostics.length > 0) {
    const messages = diagnostics.map((diagnostic) => diagnostic.message);
    throw new Error(`${text}: ${messages.join('; ')}`);
  }
  return compileCondition(expression);
}

/** Where and what a diagnostic is, for tables of expectations. */
export function located(diagnostic: Diagnostic): [string, number, number] {
  const start = diagnostic.span?.start;
  return [diagnostic.code, start?.line ?? 0, start?.column ?? 0];
}
