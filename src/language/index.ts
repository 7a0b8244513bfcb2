/*
 * The condition language: parse, check, compile. See docs/language.md.
 */
export { parseCondition } from './parse-condition.js';
export type { ParseResult } from './parse-condition.js';
export { checkCondition, checkExpression } from './type-checker.js';
export type { CheckResult } from './type-checker.js';
export {
  compileCondition,
  compileExpressionSource,
  conditionFromSource,
} from './compiler.js';
export type {
  CompiledCondition,
  ConditionContext,
} from '../runtime/condition-context.js';
export { builtinFunctions, formatSignatures } from './functions.js';
export type {
  AggregateFunction,
  FunctionDefinition,
  ScalarFunction,
} from './functions.js';
export type { Scope } from './scope.js';
export type * from './syntax-tree.js';
export { pathText } from './syntax-tree.js';
export type * from './types.js';
export {
  describeType,
  enumType,
  errorType,
  listType,
  objectType,
  optionalType,
  requiredType,
  scalarType,
} from './types.js';
