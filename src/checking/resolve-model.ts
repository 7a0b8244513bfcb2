import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  objectType,
  requiredType,
  scalarType,
  type Type,
} from '../language/types.js';
import type { DocumentPath } from '../loading/yaml-locate.js';
import type {
  EventEffect,
  EventType,
  Field,
  MemberModel,
} from '../workspace/workspace.js';
import type { DocumentReader } from './document-reader.js';
import { resolveType } from './resolve-type.js';

import { text } from './written-values.js';

type Raw = Record<string, unknown>;

/** Builds the MemberModel from a schema-valid Model document. */
export function resolveModel(
  reader: DocumentReader,
  diagnostics: Diagnostic[],
): MemberModel {
  const raw = reader.document.value as Raw;
  const attributes = resolveFields(
    reader,
    raw['member'],
    ['member'],
    diagnostics,
  );
  const id = attributes.get('id');
  if (id === undefined || requiredType(id.type).kind !== 'string') {
    diagnostics.push(
      report(
        'SL505',
        reader.keySpan(id === undefined ? ['member'] : ['member', 'id']),
      ),
    );
  }

  const events = new Map<string, EventType>();
  for (const [name, written] of Object.entries((raw['events'] ?? {}) as Raw)) {
    const event = (written ?? {}) as Raw;
    const path = ['events', name];
    const fields = resolveFields(
      reader,
      event['payload'],
      [...path, 'payload'],
      diagnostics,
    );
    fields.set(
      'at',
      builtIn('at', scalarType('datetime'), reader.keySpan(path)),
    );
    fields.set(
      'type',
      builtIn('type', scalarType('string'), reader.keySpan(path)),
    );
    events.set(name, {
      name,
      effects: resolveEffects(reader, event, path),
      description:
        typeof event['description'] === 'string'
          ? event['description']
          : undefined,
      type: objectType(typesOf(fields)),
      fields,
      span: reader.keySpan(path),
    });
  }

  return {
    id: text(raw['id']),
    member: objectType(typesOf(attributes)),
    attributes,
    events,
    span: reader.document.span,
  };
}

function resolveFields(
  reader: DocumentReader,
  written: unknown,
  path: DocumentPath,
  diagnostics: Diagnostic[],
): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const [name, value] of Object.entries((written ?? {}) as Raw)) {
    const at = [...path, name];
    const description =
      typeof value === 'object' && value !== null
        ? (value as Raw)['description']
        : undefined;
    fields.set(name, {
      name,
      type: resolveType(value, at, reader.document.locate, diagnostics),
      description: typeof description === 'string' ? description : undefined,
      span: reader.keySpan(at),
    });
  }
  return fields;
}

function builtIn(name: string, type: Type, span: Field['span']): Field {
  return { name, type, description: undefined, span };
}

/** The types of a map of fields. */
export function typesOf(fields: ReadonlyMap<string, Field>): Map<string, Type> {
  return new Map([...fields].map(([name, field]) => [name, field.type]));
}

/** The `updates` and `appends` of an event type. */
function resolveEffects(
  reader: DocumentReader,
  event: Raw,
  path: DocumentPath,
): EventEffect[] {
  const updates = Object.keys((event['updates'] ?? {}) as Raw).map(
    (attribute): EventEffect => ({
      kind: 'update',
      attribute,
      value: reader.condition([...path, 'updates', attribute]),
    }),
  );
  const appends = Object.entries((event['appends'] ?? {}) as Raw).map(
    ([attribute, fields]): EventEffect => ({
      kind: 'append',
      attribute,
      fields: Object.keys((fields ?? {}) as Raw).map((name) => ({
        name,
        value: reader.condition([...path, 'appends', attribute, name]),
      })),
      span: reader.keySpan([...path, 'appends', attribute]),
    }),
  );
  return [...updates, ...appends];
}
