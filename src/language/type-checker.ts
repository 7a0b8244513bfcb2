import { report } from '../diagnostics/catalogue.js';
import type { DiagnosticCode, MessageData } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { embeddedSpan } from '../loading/embedded-text.js';
import type { EmbeddedText } from '../loading/embedded-text.js';
import { assertNever } from '../support/assert-never.js';
import { checkCall } from './check-calls.js';
import type { CheckContext } from './check-context.js';
import { checkPath } from './check-paths.js';
import { recordType } from './checked-types.js';
import {
  factsWhenFalse,
  factsWhenTrue,
  joinFacts,
  noFacts,
} from './narrowing.js';
import type { Facts } from './narrowing.js';
import type { Scope } from './scope.js';
import type {
  BinaryExpression,
  ComparisonExpression,
  Expression,
  ListExpression,
  LogicalExpression,
  StringLiteral,
  SyntaxNode,
  UnaryExpression,
} from './syntax-tree.js';
import {
  arithmeticType,
  commonType,
  isAssignable,
  isEquatable,
  isOrdered,
  mismatchHelp,
  negationType,
} from './type-relations.js';
import { describeType, errorType, listType, scalarType } from './types.js';
import type { Type } from './types.js';

/** What checking an expression found. */
export interface CheckResult {
  /** The type of the expression; the error type if it could not be known. */
  readonly type: Type;
  readonly diagnostics: Diagnostic[];
}

const booleanType = scalarType('boolean');

/**
 * Type-checks an expression in a scope. With `expected`, the expression
 * must have that type; an optional `expected` also accepts an absent value.
 * The types found are recorded for the compiler (see checked-types.ts).
 */
export function checkExpression(
  expression: Expression,
  scope: Scope,
  source: EmbeddedText,
  expected?: Type,
): CheckResult {
  const checker = new TypeChecker(scope, source);
  const type =
    expected === undefined
      ? checker.check(expression, noFacts)
      : checker.expect(expression, expected, noFacts);
  return { type, diagnostics: checker.diagnostics };
}

/** Type-checks a condition: an expression that must be boolean. */
export function checkCondition(
  expression: Expression,
  scope: Scope,
  source: EmbeddedText,
): CheckResult {
  return checkExpression(expression, scope, source, booleanType);
}

/**
 * Walks the tree once, computing each node's type from its children. A node
 * whose problem was reported gets the error type, which every rule accepts
 * silently, so that one mistake gives one diagnostic.
 *
 * `facts` are the optional paths known present (see narrowing.ts);
 * `context` is the type the surroundings want, which gives a string literal
 * an enum type and an empty list its item type.
 */
class TypeChecker implements CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  item: Type | undefined;

  constructor(
    readonly scope: Scope,
    private readonly source: EmbeddedText,
  ) {}

  expect(expression: Expression, expected: Type, facts: Facts): Type {
    const actual =
      expected.kind === 'optional'
        ? this.check(expression, facts, expected.inner)
        : this.checkValue(expression, facts, expected);
    if (isAssignable(actual, expected)) return actual;

    const data = {
      expected: describeType(expected),
      actual: describeType(actual),
    };
    this.report('SL415', expression, data, mismatchHelp(actual, expected));
    return errorType;
  }

  check(expression: Expression, facts: Facts, context?: Type): Type {
    const type = this.checkNode(expression, facts, context);
    recordType(expression, type);
    return type;
  }

  checkValue(expression: Expression, facts: Facts, context?: Type): Type {
    const type = this.check(expression, facts, context);
    if (type.kind !== 'optional') return type;

    // Only paths narrow, so has() would not help anything else.
    const help =
      expression.kind === 'path'
        ? undefined
        : 'Give a default with coalesce({expression}, ...).';
    const data = {
      expression: this.text(expression),
      type: describeType(type),
    };
    this.report('SL408', expression, data, help);
    return type.inner;
  }

  private checkNode(
    expression: Expression,
    facts: Facts,
    context: Type | undefined,
  ): Type {
    switch (expression.kind) {
      case 'string-literal':
        return this.stringLiteral(expression, context);
      case 'boolean-literal':
        return booleanType;
      case 'integer-literal':
        return scalarType('integer');
      case 'number-literal':
        return scalarType('number');
      case 'money-literal':
        return scalarType('money');
      case 'date-literal':
        return scalarType('date');
      case 'datetime-literal':
      case 'local-datetime-literal':
        return scalarType('datetime');
      case 'duration-literal':
        return scalarType('duration');
      case 'list':
        return this.list(expression, facts, context);
      case 'path':
        return checkPath(this, expression, facts);
      case 'call':
        return checkCall(this, expression, facts);
      case 'unary':
        return this.unary(expression, facts);
      case 'binary':
        return this.binary(expression, facts);
      case 'comparison':
        return this.comparison(expression, facts);
      case 'logical':
        return this.logical(expression, facts);
      default:
        return assertNever(expression);
    }
  }

  /** A string, or a value of the enum the context wants. */
  private stringLiteral(
    literal: StringLiteral,
    context: Type | undefined,
  ): Type {
    if (context?.kind !== 'enum') return scalarType('string');
    if (context.values.includes(literal.value)) return context;

    const data = {
      value: literal.value,
      type: describeType(context),
      suggestion: didYouMean(literal.value, context.values),
      values: context.values.join(', '),
    };
    this.report('SL413', literal, data);
    return context;
  }

  private list(
    list: ListExpression,
    facts: Facts,
    context: Type | undefined,
  ): Type {
    const wanted = context?.kind === 'list' ? context.item : undefined;
    const [first, ...rest] = list.items;
    if (first === undefined) {
      if (wanted !== undefined) return listType(wanted);
      this.report('SL421', list, {});
      return errorType;
    }

    let item = this.checkValue(first, facts, wanted);
    for (const next of rest) {
      const type = this.checkValue(next, facts, wanted ?? item);
      const common = commonType(item, type);
      if (common !== undefined) item = common;
      else {
        const data = { actual: describeType(type), first: describeType(item) };
        this.report('SL416', next, data);
      }
    }
    return listType(item);
  }

  private unary(unary: UnaryExpression, facts: Facts): Type {
    if (unary.operator === 'not') {
      this.expect(unary.operand, booleanType, facts);
      return booleanType;
    }

    const operand = this.checkValue(unary.operand, facts);
    const type = negationType(operand);
    if (type !== undefined) return type;
    this.report('SL410', unary, { operator: '-', type: describeType(operand) });
    return errorType;
  }

  private binary(binary: BinaryExpression, facts: Facts): Type {
    const left = this.checkValue(binary.left, facts);
    const right = this.checkValue(binary.right, facts);
    const type = arithmeticType(binary.operator, left, right);
    if (type !== undefined) return type;

    const data = {
      operator: binary.operator,
      left: describeType(left),
      right: describeType(right),
    };
    this.report('SL409', binary, data, mismatchHelp(left, right));
    return errorType;
  }

  private comparison(comparison: ComparisonExpression, facts: Facts): Type {
    const { operator } = comparison;
    if (operator === 'in' || operator === 'not in') {
      this.membership(comparison, facts);
      return booleanType;
    }

    const [left, right] = this.checkPair(
      comparison.left,
      comparison.right,
      facts,
    );
    const common = commonType(left, right);
    if (common === undefined || !isEquatable(common)) {
      this.reportIncomparable(comparison, left, right);
    } else if (operator !== '==' && operator !== '!=' && !isOrdered(common)) {
      this.report('SL412', comparison, {
        type: describeType(common),
        operator,
      });
    }
    return booleanType;
  }

  /**
   * Checks both sides of a comparison; a literal side is checked second, in
   * the context of the other, so that it can take an enum type.
   */
  private checkPair(
    left: Expression,
    right: Expression,
    facts: Facts,
  ): [Type, Type] {
    if (isContextual(left) && !isContextual(right)) {
      const rightType = this.checkValue(right, facts);
      return [this.checkValue(left, facts, rightType), rightType];
    }
    const leftType = this.checkValue(left, facts);
    return [leftType, this.checkValue(right, facts, leftType)];
  }

  private membership(comparison: ComparisonExpression, facts: Facts): void {
    const { left, right, operator } = comparison;
    let leftType: Type;
    let rightType: Type;
    // A string literal on the left takes its type from the list's items.
    if (left.kind === 'string-literal') {
      rightType = this.checkValue(right, facts);
      const item = rightType.kind === 'list' ? rightType.item : undefined;
      leftType = this.checkValue(left, facts, item);
    } else {
      leftType = this.checkValue(left, facts);
      rightType = this.checkValue(right, facts, listType(leftType));
    }

    if (rightType.kind === 'error') return;
    if (rightType.kind !== 'list') {
      this.report('SL414', right, { operator, type: describeType(rightType) });
      return;
    }
    const common = commonType(leftType, rightType.item);
    if (common === undefined || !isEquatable(common)) {
      this.reportIncomparable(comparison, leftType, rightType.item);
    }
  }

  private reportIncomparable(node: SyntaxNode, left: Type, right: Type): void {
    const data = { left: describeType(left), right: describeType(right) };
    const structured = !isEquatable(left) || !isEquatable(right);
    const help = structured
      ? 'Lists and objects cannot be compared; compare their attributes, or use in or contains.'
      : mismatchHelp(left, right);
    this.report('SL411', node, data, help);
  }

  private logical(logical: LogicalExpression, facts: Facts): Type {
    this.expect(logical.left, booleanType, facts);
    const learned =
      logical.operator === 'and'
        ? factsWhenTrue(logical.left)
        : factsWhenFalse(logical.left);
    this.expect(logical.right, booleanType, joinFacts(facts, learned));
    return booleanType;
  }

  text(node: SyntaxNode): string {
    return this.source.text.slice(node.start, node.end);
  }

  report(
    code: DiagnosticCode,
    node: SyntaxNode,
    data: MessageData,
    help?: string,
  ): void {
    const span = embeddedSpan(this.source, node.start, node.end);
    const extras = help === undefined ? {} : { help };
    this.diagnostics.push(report(code, span, data, extras));
  }
}

/** Literals take their type from the other side of a comparison. */
function isContextual(expression: Expression): boolean {
  return expression.kind === 'string-literal' || expression.kind === 'list';
}
