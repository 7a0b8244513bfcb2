import {
  millisecondsPerDay,
  millisecondsPerMinute,
} from '../runtime/calendar.js';
import type { CompiledCondition } from '../runtime/condition-context.js';
import { conditionRuntime } from '../runtime/condition-runtime.js';
import type { ConditionRuntime } from '../runtime/condition-runtime.js';
import { assertNever } from '../support/assert-never.js';
import { checkedType } from './checked-types.js';
import { builtinFunctions } from './functions.js';
import type { AggregateFunctionName, ScalarFunctionName } from './functions.js';
import type {
  BinaryExpression,
  CallExpression,
  ComparisonExpression,
  Expression,
  ListExpression,
  PathExpression,
} from './syntax-tree.js';
import { requiredType, type Retention } from './types.js';

/*
 * Conditions compile to JavaScript source, not to a tree walked at run time:
 * a segment runs over millions of members, and V8 optimises a plain function
 * of property reads and comparisons as well as one written by hand.
 *
 * The compiled source is an expression that, with the runtime helpers in
 * scope as `rt`, gives the condition function `(c) => value`, where `c` is a
 * ConditionContext. Aggregates compile to loops in helper functions that are
 * declared once per condition, beside the function, so a call allocates
 * nothing. Only checked expressions compile: the compiler reads the types
 * the checker recorded, and trusts that every optional value it reads has
 * been guarded.
 */

/** The JavaScript source of a checked expression (see above). */
export function compileExpressionSource(expression: Expression): string {
  const emitter = new SourceEmitter();
  const body = emitter.emit(expression);
  return emitter.wrap(body);
}

/** A checked expression as a function of the condition context. */
export function compileCondition(expression: Expression): CompiledCondition {
  return conditionFromSource(compileExpressionSource(expression));
}

/**
 * The function of a source compileExpressionSource gave: how a worker
 * thread, which gets sources and not checked trees, compiles conditions.
 */
export function conditionFromSource(source: string): CompiledCondition {
  // The source is generated from a checked tree, never user text verbatim.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function('rt', `"use strict";\nreturn ${source};`) as (
    rt: ConditionRuntime,
  ) => CompiledCondition;
  return build(conditionRuntime);
}

class SourceEmitter {
  /** Helper functions and constants, declared before the condition. */
  private readonly declarations: string[] = [];

  wrap(body: string): string {
    if (this.declarations.length === 0) return `(c) => ${body}`;
    const declared = this.declarations.join('\n').replace(/^/gm, '  ');
    return `(() => {\n${declared}\n  return (c) => ${body};\n})()`;
  }

  /**
   * The source of an expression. Every result is a literal, a chain of
   * property reads and calls, or wrapped in parentheses, so that it can
   * stand as an operand anywhere without further parentheses.
   */
  emit(expression: Expression): string {
    switch (expression.kind) {
      case 'string-literal':
        return JSON.stringify(expression.value);
      case 'boolean-literal':
      case 'integer-literal':
      case 'number-literal':
      case 'money-literal':
      case 'date-literal':
      case 'datetime-literal':
      case 'duration-literal':
        return String(expression.value);
      case 'local-datetime-literal':
        return localDateTime(expression.day, expression.millisecondOfDay);
      case 'list':
        return this.list(expression);
      case 'path':
        return path(expression);
      case 'call':
        return this.call(expression);
      case 'unary':
        return expression.operator === 'not'
          ? `(!${this.emit(expression.operand)})`
          : `(-${this.emit(expression.operand)})`;
      case 'binary':
        return this.binary(expression);
      case 'comparison':
        return this.comparison(expression);
      case 'logical': {
        const operator = expression.operator === 'and' ? '&&' : '||';
        const left = this.emit(expression.left);
        return `(${left} ${operator} ${this.emit(expression.right)})`;
      }
      default:
        return assertNever(expression);
    }
  }

  private list(list: ListExpression): string {
    return `[${list.items.map((item) => this.emit(item)).join(', ')}]`;
  }

  /** Date arithmetic moves by whole days: a duration's rest is dropped. */
  private binary(binary: BinaryExpression): string {
    const left = this.emit(binary.left);
    const right = this.emit(binary.right);
    const leftKind = requiredType(checkedType(binary.left)).kind;
    const rightKind = requiredType(checkedType(binary.right)).kind;

    if (leftKind === 'date' && rightKind === 'duration') {
      return `(${left} ${binary.operator} ${wholeDays(binary.right, right)})`;
    }
    if (leftKind === 'duration' && rightKind === 'date') {
      return `(${wholeDays(binary.left, left)} ${binary.operator} ${right})`;
    }
    return `(${left} ${binary.operator} ${right})`;
  }

  private comparison(comparison: ComparisonExpression): string {
    const left = this.emit(comparison.left);
    const { operator } = comparison;
    if (operator === 'in' || operator === 'not in') {
      return this.membership(comparison, left, operator === 'not in');
    }

    const right = this.emit(comparison.right);
    const javascript =
      operator === '==' ? '===' : operator === '!=' ? '!==' : operator;
    return `(${left} ${javascript} ${right})`;
  }

  /**
   * A short list of literals after a plain path compiles to comparisons,
   * which V8 runs faster than includes(); a longer one is built once, not on
   * every call.
   */
  private membership(
    comparison: ComparisonExpression,
    left: string,
    negated: boolean,
  ): string {
    const list = comparison.right;
    const constant =
      list.kind === 'list' && list.items.every((item) => isConstant(item));
    if (!constant) {
      const negation = negated ? '!' : '';
      return `(${negation}${this.emit(list)}.includes(${left}))`;
    }

    if (isPlainPath(comparison.left) && list.items.length <= 4) {
      const [equal, join, empty] = negated
        ? ['!==', ' && ', 'true']
        : ['===', ' || ', 'false'];
      const tests = list.items.map(
        (item) => `${left} ${equal} ${this.emit(item)}`,
      );
      return tests.length === 0 ? empty : `(${tests.join(join)})`;
    }

    const name = this.declare('values', (declared) => {
      return `const ${declared} = ${this.emit(list)};`;
    });
    return `(${negated ? '!' : ''}${name}.includes(${left}))`;
  }

  private call(call: CallExpression): string {
    const definition = builtinFunctions.get(call.callee.name);
    if (definition === undefined) {
      throw new Error(`unknown function ${call.callee.name}: not checked?`);
    }
    return definition.kind === 'aggregate'
      ? this.aggregate(call, definition.name)
      : this.scalarCall(call, definition.name);
  }

  private scalarCall(call: CallExpression, name: ScalarFunctionName): string {
    const first = (): string => this.emit(argument(call, 0));
    const second = (): string => this.emit(argument(call, 1));
    switch (name) {
      case 'today':
        return 'c.today';
      case 'now':
        return 'c.now';
      case 'days_since':
        return `(c.today - ${this.localDay(argument(call, 0))})`;
      case 'days_until':
        return `(${this.localDay(argument(call, 0))} - c.today)`;
      case 'is_birthday':
        return `rt.isBirthday(c.today, ${first()})`;
      case 'age':
        return `rt.age(c.today, ${first()})`;
      case 'has':
        return `(${first()} != null)`;
      case 'coalesce':
        return `(${first()} ?? ${second()})`;
      case 'date':
        return `c.timeZone.localDay(${first()})`;
      case 'lower':
        return `${first()}.toLowerCase()`;
      case 'upper':
        return `${first()}.toUpperCase()`;
      case 'contains':
        return `${first()}.includes(${second()})`;
      case 'starts_with':
        return `${first()}.startsWith(${second()})`;
      case 'ends_with':
        return `${first()}.endsWith(${second()})`;
      case 'len':
        return `${first()}.length`;
      default:
        return assertNever(name);
    }
  }

  /** The local day of a date or datetime argument. */
  private localDay(value: Expression): string {
    const code = this.emit(value);
    const isDate = requiredType(checkedType(value)).kind === 'date';
    return isDate ? code : `c.timeZone.localDay(${code})`;
  }

  /**
   * An aggregate as a call of a helper that loops over the list, with the
   * filter and projection inlined and `item` its loop variable. A plain
   * count is the list's length, unless the list has a retention: the
   * helper skips the items past it.
   */
  private aggregate(call: CallExpression, name: AggregateFunctionName): string {
    const listExpression = argument(call, 0);
    const list = this.emit(listExpression);
    const listType = requiredType(checkedType(listExpression));
    const retention = listType.kind === 'list' ? listType.retention : undefined;
    if (
      name === 'count' &&
      call.filter === undefined &&
      retention === undefined
    )
      return `${list}.length`;

    const filter = call.filter === undefined ? 'true' : this.emit(call.filter);
    const projection = call.arguments[1];
    const value = projection === undefined ? 'item' : this.emit(projection);
    const helper = this.declare(name, (declared) =>
      aggregateHelper(declared, name, {
        filter,
        value,
        filtered: call.filter !== undefined,
        retention,
      }),
    );
    return `${helper}(c, ${list})`;
  }

  private declare(prefix: string, write: (name: string) => string): string {
    const name = `${prefix}${this.declarations.length}`;
    this.declarations.push(write(name));
    return name;
  }
}

/** What an aggregate helper does with each item. */
interface AggregateBody {
  /** The filter's source; `true` without one. */
  readonly filter: string;
  /** The projection's source; `item` without one. */
  readonly value: string;
  readonly filtered: boolean;
  /** The list's retention: items past it are skipped. */
  readonly retention: Retention | undefined;
}

/** The body lines of an aggregate helper, by aggregate. */
function aggregateHelper(
  name: string,
  aggregate: AggregateFunctionName,
  { filter, value, filtered, retention }: AggregateBody,
): string {
  const skip = filtered ? [`if (!${filter}) continue;`] : [];
  const [start, step, end] = aggregateParts(aggregate, filter, value);
  const loop =
    aggregate === 'any' || aggregate === 'all' ? step : [...skip, ...step];
  const kept =
    retention === undefined
      ? { start: [], skip: [] }
      : {
          start: [
            `const keptFrom = c.now - ${retention.days * millisecondsPerDay};`,
          ],
          skip: [`if (item.${retention.by} < keptFrom) continue;`],
        };
  return [
    `function ${name}(c, list) {`,
    ...[...kept.start, ...start].map((line) => `  ${line}`),
    '  for (let index = 0; index < list.length; index++) {',
    '    const item = list[index];',
    ...[...kept.skip, ...loop].map((line) => `    ${line}`),
    '  }',
    `  ${end}`,
    '}',
  ].join('\n');
}

function aggregateParts(
  aggregate: AggregateFunctionName,
  filter: string,
  value: string,
): [string[], string[], string] {
  switch (aggregate) {
    case 'count':
      return [['let result = 0;'], ['result++;'], 'return result;'];
    case 'sum':
      return [['let result = 0;'], [`result += ${value};`], 'return result;'];
    case 'min':
    case 'max': {
      const better = aggregate === 'min' ? '<' : '>';
      const step = [
        `const value = ${value};`,
        `if (result === null || value ${better} result) result = value;`,
      ];
      return [['let result = null;'], step, 'return result;'];
    }
    case 'any':
      return [[], [`if (${filter}) return true;`], 'return false;'];
    case 'all':
      return [[], [`if (!${filter}) return false;`], 'return true;'];
    default:
      return assertNever(aggregate);
  }
}

/**
 * Roots as scope.ts describes them; `item` is the loop variable of the
 * aggregate helper the path stands in.
 */
function path(expression: PathExpression): string {
  const [first, ...rest] = expression.properties;
  const tail = rest.map((property) => `.${property.name}`).join('');
  const root = expression.root.name;
  if (root === 'segment' && first !== undefined) {
    return `c.segments.${first.name}(c)${tail}`;
  }

  const base = rootSource(root);
  const head = first === undefined ? '' : `.${first.name}`;
  return `${base}${head}${tail}`;
}

function rootSource(root: string): string {
  switch (root) {
    case 'member':
    case 'event':
    case 'offer':
    case 'params':
      return `c.${root}`;
    case 'segment':
      return 'c.segments';
    case 'item':
      return 'item';
    default:
      throw new Error(`unknown root ${root}: not checked?`);
  }
}

function localDateTime(day: number, millisecondOfDay: number): string {
  const minute = Math.floor(millisecondOfDay / millisecondsPerMinute);
  const rest = millisecondOfDay % millisecondsPerMinute;
  const instant = `c.timeZone.toEpoch(${day}, ${minute})`;
  return rest === 0 ? instant : `(${instant} + ${rest})`;
}

function wholeDays(duration: Expression, code: string): string {
  if (duration.kind === 'duration-literal') {
    return String(Math.trunc(duration.value / millisecondsPerDay));
  }
  return `Math.trunc(${code} / ${millisecondsPerDay})`;
}

function isConstant(expression: Expression): boolean {
  switch (expression.kind) {
    case 'string-literal':
    case 'boolean-literal':
    case 'integer-literal':
    case 'number-literal':
    case 'money-literal':
    case 'date-literal':
    case 'datetime-literal':
    case 'duration-literal':
      return true;
    case 'local-datetime-literal':
    case 'list':
    case 'path':
    case 'call':
    case 'unary':
    case 'binary':
    case 'comparison':
    case 'logical':
      return false;
    default:
      return assertNever(expression);
  }
}

/** A path that reads a value; a segment path calls its condition. */
function isPlainPath(expression: Expression): boolean {
  return expression.kind === 'path' && expression.root.name !== 'segment';
}

function argument(call: CallExpression, index: number): Expression {
  const found = call.arguments[index];
  if (found === undefined) {
    throw new Error(
      `${call.callee.name} lacks argument ${index}: not checked?`,
    );
  }
  return found;
}
