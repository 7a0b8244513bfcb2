import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  describeType,
  enumType,
  errorType,
  listType,
  objectType,
  optionalType,
  scalarKinds,
  scalarType,
  type Retention,
  type ScalarKind,
  type Type,
} from '../language/types.js';
import type { DocumentPath, Locate } from '../loading/yaml-locate.js';

/**
 * Turns a type as written in the Model (`money?`, or `{ type: list, items }`)
 * into a Type. The schema has already checked the shape; this checks what the
 * schema cannot, such as an unknown shorthand.
 */
export function resolveType(
  written: unknown,
  path: DocumentPath,
  locate: Locate,
  diagnostics: Diagnostic[],
): Type {
  if (typeof written === 'string')
    return resolveShorthand(written, path, locate, diagnostics);
  if (typeof written !== 'object' || written === null) {
    diagnostics.push(
      report('SL504', locate(path), { detail: 'expected a type' }),
    );
    return errorType;
  }
  const record = written as Record<string, unknown>;
  const base = resolveBase(record, path, locate, diagnostics);
  return record['optional'] === true ? optionalType(base) : base;
}

function resolveShorthand(
  written: string,
  path: DocumentPath,
  locate: Locate,
  diagnostics: Diagnostic[],
): Type {
  const optional = written.endsWith('?');
  const name = optional ? written.slice(0, -1) : written;
  if (!(scalarKinds as readonly string[]).includes(name)) {
    const known = scalarKinds.join(', ');
    const detail = `"${written}" is not a scalar type (${known}, with ? for optional)`;
    diagnostics.push(report('SL504', locate(path), { detail }));
    return errorType;
  }
  const type = scalarType(name as ScalarKind);
  return optional ? optionalType(type) : type;
}

function resolveBase(
  record: Record<string, unknown>,
  path: DocumentPath,
  locate: Locate,
  diagnostics: Diagnostic[],
): Type {
  const name = record['type'];
  switch (name) {
    case 'enum': {
      const values = Array.isArray(record['values']) ? record['values'] : [];
      return enumType(values.map(String));
    }
    case 'list': {
      const item = resolveType(
        record['items'],
        [...path, 'items'],
        locate,
        diagnostics,
      );
      const retention = resolveRetention(
        record['retention'],
        item,
        [...path, 'retention'],
        locate,
        diagnostics,
      );
      return listType(item, retention);
    }
    case 'object':
      return objectType(
        resolveProperties(
          record['properties'],
          [...path, 'properties'],
          locate,
          diagnostics,
        ),
      );
    default:
      if (
        typeof name === 'string' &&
        (scalarKinds as readonly string[]).includes(name)
      ) {
        return scalarType(name as ScalarKind);
      }
      diagnostics.push(
        report('SL504', locate([...path, 'type']), {
          detail: `unknown type "${String(name)}"`,
        }),
      );
      return errorType;
  }
}

/**
 * A list's retention, when its items are objects with a required datetime
 * property of the name it gives; the schema has checked its shape.
 */
function resolveRetention(
  written: unknown,
  item: Type,
  path: DocumentPath,
  locate: Locate,
  diagnostics: Diagnostic[],
): Retention | undefined {
  if (typeof written !== 'object' || written === null) return undefined;
  const { by, days } = written as { by: string; days: number };
  if (item.kind === 'error') return undefined;
  const dating = item.kind === 'object' ? item.properties.get(by) : undefined;
  if (dating?.kind === 'datetime') return { by, days };
  const detail =
    item.kind !== 'object'
      ? 'the items are not objects'
      : dating === undefined
        ? `the items have no property "${by}"`
        : `"${by}" is ${describeType(dating)}`;
  diagnostics.push(report('SL524', locate([...path, 'by']), { detail }));
  return undefined;
}

/** The types of a mapping of named fields. */
export function resolveProperties(
  written: unknown,
  path: DocumentPath,
  locate: Locate,
  diagnostics: Diagnostic[],
): Map<string, Type> {
  const properties = new Map<string, Type>();
  if (typeof written !== 'object' || written === null) return properties;
  for (const [name, value] of Object.entries(written)) {
    properties.set(
      name,
      resolveType(value, [...path, name], locate, diagnostics),
    );
  }
  return properties;
}
