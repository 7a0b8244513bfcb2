import {
  compareDiagnostics,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';
import { classifyError } from './classify-error.js';
import { collapseAlternatives } from './collapse-alternatives.js';
import type { DocumentKind } from './document-kind.js';
import type { Locate } from './locate.js';
import { pruneProblems } from './prune-problems.js';
import { reportProblem } from './report-problem.js';
import type { SchemaProblem } from './schema-problem.js';
import { schemaValidators } from './schema-validators.js';
import type { ValidationContext } from './validation-context.js';

/**
 * Checks a document against the JSON Schema of its kind. Returns one
 * diagnostic per mistake, in document order, placed by `locate`; an empty
 * list when the document has the shape its kind requires.
 */
export function validateDocument(
  kind: DocumentKind,
  value: unknown,
  locate: Locate,
): Diagnostic[] {
  const { registry, validatorFor, rootFor } = schemaValidators();
  const validate = validatorFor(kind);
  if (validate(value)) return [];

  const context: ValidationContext = {
    registry,
    root: rootFor(kind),
    document: value,
  };
  const errors = collapseAlternatives(validate.errors ?? [], context);
  const problems = errors.flatMap((error): SchemaProblem[] => {
    const problem = classifyError(error, context);
    return problem === undefined ? [] : [problem];
  });

  return pruneProblems(problems)
    .map((problem) => reportProblem(problem, { kind, document: value, locate }))
    .sort(compareDiagnostics);
}
