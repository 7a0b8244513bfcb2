import type { DiagnosticCode, MessageData } from '../diagnostics/catalogue.js';
import type { Facts } from './narrowing.js';
import type { Scope } from './scope.js';
import type { Expression, SyntaxNode } from './syntax-tree.js';
import type { Type } from './types.js';

/**
 * What the parts of the type checker share: the scope, the current `item`,
 * the recursive checks and the diagnostics. type-checker.ts implements it;
 * check-paths.ts and check-calls.ts check their nodes through it.
 */
export interface CheckContext {
  readonly scope: Scope;
  /** The type of `item` inside an aggregate; undefined outside. */
  item: Type | undefined;
  /** Checks a node whose value may be absent, and records its type. */
  check(expression: Expression, facts: Facts, context?: Type): Type;
  /** Checks a node whose value is used, so it must not be absent. */
  checkValue(expression: Expression, facts: Facts, context?: Type): Type;
  /** Checks a node that must have the expected type. */
  expect(expression: Expression, expected: Type, facts: Facts): Type;
  report(
    code: DiagnosticCode,
    node: SyntaxNode,
    data: MessageData,
    help?: string,
  ): void;
  /** The source text of a node. */
  text(node: SyntaxNode): string;
}
