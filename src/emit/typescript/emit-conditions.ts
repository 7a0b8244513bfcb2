import { StructureKind } from 'ts-morph';
import { compileExpressionSource } from '../../language/compiler.js';
import type { Condition } from '../../workspace/condition.js';
import type { ConditionTable, NamedCondition } from './collect-conditions.js';
import {
  constant,
  fileHeader,
  generatedFile,
  type Statement,
} from './generated-file.js';
import { code } from './literal-writer.js';
import { typeCompiledSource } from './type-compiled-source.js';

/** The name of the context type the compiled code reads, in conditions.ts. */
const viewName = 'ConditionView';

/**
 * conditions.ts: every condition of the workspace as an exported function,
 * the JavaScript the condition compiler makes (the code the simulator runs
 * through `new Function`), with parameter types added.
 */
export function emitConditions(table: ConditionTable): string {
  const compiled = table.all.map((entry) => ({
    entry,
    source: typeCompiledSource(
      compileExpressionSource(checkedExpression(entry.condition)),
      viewName,
    ),
  }));
  const usesRuntime = compiled.some(({ source }) => source.usesRuntime);

  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['ConditionContext'],
      moduleSpecifier: './runtime/condition-context.js',
    },
    ...(usesRuntime ? [runtimeImport] : []),
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['TimeZone'],
      moduleSpecifier: './runtime/time-zone.js',
    },
    viewInterface,
    ...compiled.map(({ entry, source }) =>
      constant({
        name: entry.name,
        type: `(c: ConditionContext) => ${entry.isTest ? 'boolean' : 'unknown'}`,
        docs: conditionDocs(entry),
        exported: true,
        value: code(source.text),
      }),
    ),
  ];
  const header = fileHeader(
    'Every condition of the workspace, compiled.',
    table.all.map(({ condition }) => condition.span.file),
  );
  return generatedFile('conditions.ts', header, statements);
}

const runtimeImport: Statement = {
  kind: StructureKind.ImportDeclaration,
  namedImports: [{ name: 'conditionRuntime', alias: 'rt' }],
  moduleSpecifier: './runtime/condition-runtime.js',
};

const viewInterface: Statement = {
  kind: StructureKind.Interface,
  name: viewName,
  docs: [
    [
      'The context as compiled conditions read it. Slinga type-checked every',
      'condition against the Model, narrowing optional values its own way,',
      'before compiling it. TypeScript cannot repeat that narrowing, so the',
      'values are untyped inside a condition, and each is typed at its edge.',
    ].join('\n'),
  ],
  properties: [
    ...['member', 'event', 'offer', 'params', 'segments'].map((name) => ({
      name,
      type: 'any',
      isReadonly: true,
    })),
    { name: 'now', type: 'number', isReadonly: true },
    { name: 'today', type: 'number', isReadonly: true },
    { name: 'timeZone', type: 'TimeZone', isReadonly: true },
  ],
};

function conditionDocs(entry: NamedCondition): string[] {
  const { span, source } = entry.condition;
  return [
    `${entry.role} (${span.file}:${span.start.line}):`,
    `\`${source.text}\``,
  ];
}

function checkedExpression(
  condition: Condition,
): NonNullable<Condition['expression']> {
  if (condition.expression === undefined) {
    throw new Error(
      `condition was not checked: ${condition.source.text}; check the workspace first`,
    );
  }
  return condition.expression;
}
