import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from '../loading/loaded-document.js';
import type { TimeZone } from '../runtime/time-zone.js';
import type { Parameter } from '../workspace/workspace.js';
import { convertValue } from './convert-value.js';
import { resolveType } from './resolve-type.js';

type Raw = Record<string, unknown>;

/** Gathers the values of every Parameters document, checked against their types. */
export function resolveParameters(
  documents: readonly LoadedDocument[],
  timeZone: TimeZone,
  diagnostics: Diagnostic[],
): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const document of documents) {
    const values = ((document.value as Raw)['values'] ?? {}) as Raw;
    for (const [name, written] of Object.entries(values)) {
      const path = ['values', name];
      const entry = written as Raw;
      const first = parameters.get(name);
      if (first !== undefined) {
        const related = [{ message: 'first defined here', span: first.span }];
        diagnostics.push(
          report(
            'SL500',
            document.locate(path, 'key'),
            { kind: 'parameter', id: name },
            { related },
          ),
        );
        continue;
      }
      const type = resolveType(
        entry['type'],
        [...path, 'type'],
        document.locate,
        diagnostics,
      );
      const site = {
        path: [...path, 'value'],
        locate: document.locate,
        timeZone,
        diagnostics,
      };
      parameters.set(name, {
        name,
        type,
        value: convertValue(entry['value'], type, site),
        description:
          typeof entry['description'] === 'string'
            ? entry['description']
            : undefined,
        span: document.locate(path, 'key'),
      });
    }
  }
  return parameters;
}
