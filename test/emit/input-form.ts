import type { Type } from '../../src/language/types.js';
import { formatDate } from '../../src/runtime/values.js';
import { assertNever } from '../../src/support/assert-never.js';
import type { FixtureEvent } from '../../src/workspace/fixture.js';
import type { EventType, MemberModel } from '../../src/workspace/workspace.js';

/**
 * A runtime value as a team would write it in an input file: dates as
 * `YYYY-MM-DD`, datetimes as ISO 8601 in UTC, absent values as null. The
 * emitted code reads it back; the tests compare what it then decides.
 */
export function inputForm(value: unknown, type: Type): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'optional':
      return inputForm(value, type.inner);
    case 'date':
      return formatDate(value as number);
    case 'datetime':
      return new Date(value as number).toISOString();
    case 'list':
      return (value as unknown[]).map((item) => inputForm(item, type.item));
    case 'object': {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        [...type.properties].map(([name, property]) => [
          name,
          inputForm(record[name], property),
        ]),
      );
    }
    case 'string':
    case 'integer':
    case 'number':
    case 'money':
    case 'boolean':
    case 'duration':
    case 'enum':
    case 'error':
      return value;
    default:
      return assertNever(type);
  }
}

/** A member's attributes as a line of the members file. */
export function memberInput(
  model: MemberModel,
  attributes: Readonly<Record<string, unknown>>,
): unknown {
  return inputForm(attributes, model.member);
}

/** A fixture event as a line of the events file. */
export function eventInput(
  model: MemberModel,
  event: Pick<FixtureEvent, 'at' | 'member' | 'type' | 'payload'>,
): unknown {
  const type = model.events.get(event.type);
  return {
    member: event.member,
    type: event.type,
    at: new Date(event.at).toISOString(),
    payload: type === undefined ? event.payload : payloadInput(type, event),
  };
}

function payloadInput(
  type: EventType,
  event: Pick<FixtureEvent, 'payload'>,
): unknown {
  const fields = [...type.fields].filter(
    ([name]) => name !== 'at' && name !== 'type',
  );
  return Object.fromEntries(
    fields.map(([name, field]) => [
      name,
      inputForm(event.payload[name], field.type),
    ]),
  );
}
