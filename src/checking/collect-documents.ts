import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from '../loading/loaded-document.js';
import type { DocumentKind } from '../schema/document-kind.js';
import { validateDocument } from '../schema/validate-document.js';

/** Schema-valid documents grouped by kind, first of each id only. */
export type DocumentsByKind = ReadonlyMap<
  DocumentKind,
  readonly LoadedDocument[]
>;

/**
 * Validates every document against its schema and groups the valid ones by
 * kind. A document with schema errors is left out of the later stages, so
 * that one mistake is reported once. Duplicate ids are reported here.
 */
export function collectDocuments(
  documents: readonly LoadedDocument[],
  diagnostics: Diagnostic[],
): DocumentsByKind {
  const byKind = new Map<DocumentKind, LoadedDocument[]>();
  const firstById = new Map<string, LoadedDocument>();
  for (const document of documents) {
    const kind = document.kind as DocumentKind;
    const problems = validateDocument(kind, document.value, document.locate);
    diagnostics.push(...problems);
    if (problems.some((problem) => problem.severity === 'error')) continue;

    const key = `${kind}/${document.id ?? ''}`;
    const first = firstById.get(key);
    if (first !== undefined) {
      const related = [
        { message: 'first defined here', span: first.locate(['id']) },
      ];
      diagnostics.push(
        report(
          'SL500',
          document.locate(['id']),
          { kind, id: document.id ?? '' },
          { related },
        ),
      );
      continue;
    }
    firstById.set(key, document);
    const group = byKind.get(kind) ?? [];
    group.push(document);
    byKind.set(kind, group);
  }
  return byKind;
}
