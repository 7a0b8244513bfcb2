/*
 * The syntax tree of a condition. Every node has a `kind` and the character
 * offsets `start` (inclusive) and `end` (exclusive) of its text within the
 * condition, which embeddedSpan turns into a file span.
 */

/** What every node has: where its text stands in the condition. */
export interface SyntaxNode {
  readonly start: number;
  readonly end: number;
}

/** A name as written, such as a path segment or a function name. */
export interface Identifier extends SyntaxNode {
  readonly name: string;
}

/** `"text"` or `'text'`, with its escapes resolved. */
export interface StringLiteral extends SyntaxNode {
  readonly kind: 'string-literal';
  readonly value: string;
}

/** `true` or `false`. */
export interface BooleanLiteral extends SyntaxNode {
  readonly kind: 'boolean-literal';
  readonly value: boolean;
}

/** A whole number such as `3`. */
export interface IntegerLiteral extends SyntaxNode {
  readonly kind: 'integer-literal';
  readonly value: number;
}

/** A decimal number such as `2.5`. */
export interface NumberLiteral extends SyntaxNode {
  readonly kind: 'number-literal';
  readonly value: number;
}

/** An amount such as `500 SEK`; `value` is in SEK. */
export interface MoneyLiteral extends SyntaxNode {
  readonly kind: 'money-literal';
  readonly value: number;
}

/** A date such as `2024-05-01`; `value` is days since 1970-01-01. */
export interface DateLiteral extends SyntaxNode {
  readonly kind: 'date-literal';
  readonly value: number;
}

/** A datetime with `Z` or an offset; `value` is epoch milliseconds. */
export interface DateTimeLiteral extends SyntaxNode {
  readonly kind: 'datetime-literal';
  readonly value: number;
}

/**
 * A datetime without an offset, such as `2024-05-01T10:00`: a local time in
 * the policy's time zone, placed when the condition runs.
 */
export interface LocalDateTimeLiteral extends SyntaxNode {
  readonly kind: 'local-datetime-literal';
  readonly day: number;
  readonly millisecondOfDay: number;
}

/** A duration such as `7d`; `value` is milliseconds. */
export interface DurationLiteral extends SyntaxNode {
  readonly kind: 'duration-literal';
  readonly value: number;
}

/** `[a, b, c]`. */
export interface ListExpression extends SyntaxNode {
  readonly kind: 'list';
  readonly items: readonly Expression[];
}

/** `member.consent.email`: a root name and the attributes read from it. */
export interface PathExpression extends SyntaxNode {
  readonly kind: 'path';
  readonly root: Identifier;
  readonly properties: readonly Identifier[];
}

/**
 * `name(arguments)`. Aggregates may filter their first argument:
 * `count(member.purchases where item.area == "beauty")`; the filter is kept
 * apart from the arguments.
 */
export interface CallExpression extends SyntaxNode {
  readonly kind: 'call';
  readonly callee: Identifier;
  readonly arguments: readonly Expression[];
  readonly filter: Expression | undefined;
}

/** The prefix operators. */
export type UnaryOperator = 'not' | '-';

/** `not x` or `-x`. */
export interface UnaryExpression extends SyntaxNode {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

/** The arithmetic operators. */
export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** `a + b`, `a - b`, `a * b`, `a / b`. */
export interface BinaryExpression extends SyntaxNode {
  readonly kind: 'binary';
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** The comparison operators, membership included. */
export type ComparisonOperator =
  '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';

/** `a == b`, `a < b`, `a in list`, `a not in list`. */
export interface ComparisonExpression extends SyntaxNode {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** The logical connectives. */
export type LogicalOperator = 'and' | 'or';

/** `a and b`, `a or b`. */
export interface LogicalExpression extends SyntaxNode {
  readonly kind: 'logical';
  readonly operator: LogicalOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** A literal value written in the condition. */
export type Literal =
  | StringLiteral
  | BooleanLiteral
  | IntegerLiteral
  | NumberLiteral
  | MoneyLiteral
  | DateLiteral
  | DateTimeLiteral
  | LocalDateTimeLiteral
  | DurationLiteral;

/** Any expression of the condition language. */
export type Expression =
  | Literal
  | ListExpression
  | PathExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | ComparisonExpression
  | LogicalExpression;

/** The path written as text, such as `member.consent.email`. */
export function pathText(path: PathExpression): string {
  return [path.root, ...path.properties].map((part) => part.name).join('.');
}
