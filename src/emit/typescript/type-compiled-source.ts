import { ts } from 'ts-morph';

/** A compiled condition's source with TypeScript types on its parameters. */
export interface TypedSource {
  /** The expression, ready to stand as an initializer. */
  readonly text: string;
  /** Whether it calls the runtime helpers, `rt`. */
  readonly usesRuntime: boolean;
}

/**
 * Gives the JavaScript of compileExpressionSource the parameter types that
 * `tsc --strict` asks for: the context parameter `c` gets `contextType`,
 * every other parameter (an aggregate helper's list) `any`. The source is
 * parsed, and the annotations go in at the positions of the parameters the
 * syntax tree shows, so the code stays the code the simulator runs,
 * character for character. (Printing the tree back would do the same at
 * ten times the cost.)
 */
export function typeCompiledSource(
  source: string,
  contextType: string,
): TypedSource {
  const prefix = 'const condition = ';
  const file = ts.createSourceFile(
    'condition.ts',
    `${prefix}${source};`,
    ts.ScriptTarget.ES2022,
    false,
    ts.ScriptKind.TS,
  );
  checkIsExpression(file);

  const insertions: { at: number; text: string }[] = [];
  let usesRuntime = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'rt') usesRuntime = true;
    if (ts.isParameter(node) && node.type === undefined) {
      checkParenthesized(file, node);
      const isContext = ts.isIdentifier(node.name) && node.name.text === 'c';
      insertions.push({
        at: node.name.end - prefix.length,
        text: `: ${isContext ? contextType : 'any'}`,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  let text = source;
  for (const { at, text: annotation } of insertions.reverse()) {
    text = `${text.slice(0, at)}${annotation}${text.slice(at)}`;
  }
  return { text, usesRuntime };
}

/** A bug when the compiler's output is not one expression. */
function checkIsExpression(file: ts.SourceFile): void {
  const [statement] = file.statements;
  const declaration =
    statement !== undefined && ts.isVariableStatement(statement)
      ? statement.declarationList.declarations[0]
      : undefined;
  if (declaration?.initializer === undefined || file.statements.length !== 1) {
    throw new Error(`compiled condition is no expression: ${file.text}`);
  }
}

/** A bug when a parameter stands without parentheses (`c => …`). */
function checkParenthesized(
  file: ts.SourceFile,
  parameter: ts.ParameterDeclaration,
): void {
  const before = file.text.slice(0, parameter.getStart(file)).trimEnd();
  if (!before.endsWith('(') && !before.endsWith(',')) {
    throw new Error(`a parameter without parentheses: ${file.text}`);
  }
}
