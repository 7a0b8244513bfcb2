import { StructureKind } from 'ts-morph';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import {
  analyzeTemplates,
  workspaceTimeZone,
} from '../../templates/check-templates.js';
import {
  compileOptions,
  createTemplateEnvironment,
} from '../../templates/template-environment.js';
import type { TemplateSet, Workspace } from '../../workspace/workspace.js';
import {
  constant,
  fileHeader,
  generatedFile,
  type Statement,
} from './generated-file.js';
import { Wrapped, type Literal } from './literal-writer.js';
import { compareText } from './ordering.js';

/**
 * subjects.ts: the subject line of every email template as the Handlebars
 * source Slinga compiles (the checker's renames made, see
 * src/templates/analyze-template.ts), with the options Slinga compiles it
 * with. The sources are string literals, compiled by the runner when first
 * rendered, so no text from a template becomes emitted code. A template
 * whose file has errors is left out, as compileTemplates leaves it out.
 */
export function emitSubjects(workspace: Workspace): string {
  const sources = subjectSources(workspace);
  const header = fileHeader(
    'The subject lines of the email templates.',
    [...workspace.templates.values()].flatMap((set) =>
      set.email === undefined ? [] : [set.email.file.path],
    ),
  );
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['SubjectTemplates'],
      moduleSpecifier: './runner/subject-renderer.js',
    },
    constant({
      name: 'subjectTemplates',
      type: 'SubjectTemplates',
      docs: [
        "Each email template's subject line, by template id, and how Slinga",
        'compiles it: plain text, no HTML escaping, only the known helpers.',
      ],
      exported: true,
      value: {
        compileOptions: subjectCompileOptions(),
        sources: new Wrapped('new Map<string, string>(', sources, ')'),
      },
    }),
  ];
  return generatedFile('subjects.ts', header, statements);
}

/** [template id, subject source] of every email template, by id. */
function subjectSources(workspace: Workspace): [string, string][] {
  const emails = new Map<string, TemplateSet>();
  for (const [id, set] of workspace.templates) {
    if (set.email !== undefined) emails.set(id, { id, email: set.email });
  }
  const environment = createTemplateEnvironment(workspaceTimeZone(workspace));
  return analyzeTemplates({ ...workspace, templates: emails }, environment)
    .filter((analysis) => !hasErrors(analysis.diagnostics))
    .map((analysis): [string, string] => [
      analysis.template.id,
      analysis.subject?.runtimeSource ?? '',
    ])
    .sort(([a], [b]) => compareText(a, b));
}

/**
 * Slinga's options for plain-text parts, as data. The helpers they name are
 * the ones the shipped templates/template-helpers.ts registers.
 */
function subjectCompileOptions(): Literal {
  const literal: Record<string, Literal> = {};
  for (const [name, value] of Object.entries(compileOptions(false))) {
    if (name === 'knownHelpers') {
      literal[name] = knownHelpers(value as Record<string, boolean>);
    } else if (typeof value === 'boolean' || typeof value === 'string') {
      literal[name] = value;
    } else {
      throw new Error(`the compile option ${name} is no boolean or string`);
    }
  }
  return literal;
}

/** The known helpers, sorted. */
function knownHelpers(
  helpers: Readonly<Record<string, boolean>>,
): Record<string, boolean> {
  const names = Object.keys(helpers).sort(compareText);
  return Object.fromEntries(
    names.map((name) => [name, helpers[name] === true]),
  );
}
