import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeType, type Type } from '../language/types.js';
import type { TimeZone } from '../runtime/time-zone.js';
import {
  parseDate as parseDateText,
  parseDateTime,
} from '../runtime/values.js';
import type { DocumentPath, Locate } from '../loading/yaml-locate.js';
import { assertNever } from '../support/assert-never.js';
import { durationMs } from './written-values.js';

/** Where a value stands, for its diagnostics. */
export interface ValueSite {
  readonly path: DocumentPath;
  readonly locate: Locate;
  readonly timeZone: TimeZone;
  readonly diagnostics: Diagnostic[];
}

/**
 * Converts a value written in YAML (a parameter, a fixture attribute) into
 * its runtime form for a type, reporting what does not fit.
 */
export function convertValue(
  written: unknown,
  type: Type,
  site: ValueSite,
): unknown {
  const fail = (detail: string): null => {
    const span = site.locate(site.path);
    site.diagnostics.push(
      report('SL513', span, { type: describeType(type), detail }),
    );
    return null;
  };
  switch (type.kind) {
    case 'optional':
      return written === null || written === undefined
        ? null
        : convertValue(written, type.inner, site);
    case 'error':
      return written;
    case 'string':
      return typeof written === 'string' ? written : fail('expected text');
    case 'boolean':
      return typeof written === 'boolean'
        ? written
        : fail('expected true or false');
    case 'integer':
      return Number.isInteger(written)
        ? written
        : fail('expected a whole number');
    case 'number':
    case 'money':
      return typeof written === 'number' ? written : fail('expected a number');
    case 'date':
      return parseDate(written) ?? fail('expected a date such as 2025-03-01');
    case 'datetime':
      return (
        parseDatetime(written, site.timeZone) ??
        fail('expected a datetime such as 2025-03-01T09:00')
      );
    case 'duration':
      return typeof written === 'string' && /^\d+[mhdw]$/.test(written)
        ? durationMs(written)
        : fail('expected a duration such as 7d');
    case 'enum':
      return typeof written === 'string' && type.values.includes(written)
        ? written
        : fail(`expected one of ${type.values.join(', ')}`);
    case 'list':
      return Array.isArray(written)
        ? written.map((item, index) =>
            convertValue(item, type.item, {
              ...site,
              path: [...site.path, index],
            }),
          )
        : fail('expected a list');
    case 'object':
      return convertObject(written, type.properties, site, fail);
    default:
      return assertNever(type);
  }
}

function convertObject(
  written: unknown,
  properties: ReadonlyMap<string, Type>,
  site: ValueSite,
  fail: (detail: string) => null,
): unknown {
  if (
    typeof written !== 'object' ||
    written === null ||
    Array.isArray(written)
  ) {
    return fail('expected a mapping');
  }
  const record = written as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [name, propertyType] of properties) {
    const value = record[name];
    if (value === undefined && propertyType.kind !== 'optional') {
      site.diagnostics.push(
        report('SL518', site.locate(site.path), { field: name }),
      );
      return null;
    }
    result[name] = convertValue(value, propertyType, {
      ...site,
      path: [...site.path, name],
    });
  }
  for (const name of Object.keys(record)) {
    if (!properties.has(name)) {
      const span = site.locate([...site.path, name], 'key');
      site.diagnostics.push(
        report('SL513', span, {
          type: 'object',
          detail: `"${name}" is not declared in the Model`,
        }),
      );
    }
  }
  return result;
}

/** Day number of a `YYYY-MM-DD` date written in a document, or undefined. */
export function parseDate(written: unknown): number | undefined {
  return typeof written === 'string' ? parseDateText(written) : undefined;
}

/**
 * Epoch milliseconds of an ISO datetime written in a document; without an
 * offset it is local time in the time zone, and a plain date means its local
 * midnight.
 */
export function parseDatetime(
  written: unknown,
  timeZone: TimeZone,
): number | undefined {
  if (typeof written !== 'string') return undefined;
  const day = parseDateText(written);
  if (day !== undefined) return timeZone.toEpoch(day, 0);
  return parseDateTime(written.replace(' ', 'T'), timeZone);
}
