import type { Type } from '../../language/types.js';
import { assertNever } from '../../support/assert-never.js';
import type { EventType } from '../../workspace/workspace.js';
import {
  acceptsChoice,
  defaultValue,
  objectBuilder,
} from './member-attributes.js';
import type { DayClock } from './member-profile.js';
import type { Random } from './random.js';

/*
 * The events a population run generates, written in the form the Model
 * declares: every field of an event type in Model order, the generator's
 * values where they fit the field's type, defaults for the rest.
 */

/** How to write one event type: its fields in Model order, with defaults. */
export interface EventShape {
  readonly fields: readonly { readonly name: string; readonly type: Type }[];
  readonly defaults: readonly ((random: Random) => unknown)[];
  readonly build: (values: readonly unknown[]) => Record<string, unknown>;
  readonly values: unknown[];
}

export function eventShape(event: EventType, clock: DayClock): EventShape {
  const fields = [...event.fields.values()]
    .filter((field) => field.name !== 'at' && field.name !== 'type')
    .map((field) => ({ name: field.name, type: field.type }));
  const names = ['type', 'at', ...fields.map((field) => field.name)];
  return {
    fields,
    defaults: fields.map((field) =>
      defaultValue(field.name, field.type, clock),
    ),
    build: objectBuilder(names),
    values: new Array<unknown>(names.length).fill(null),
  };
}

export function writeEvent(
  shape: EventShape,
  type: string,
  at: number,
  given: Readonly<Record<string, unknown>>,
  random: Random,
): Record<string, unknown> {
  const { fields, defaults, values } = shape;
  values[0] = type;
  values[1] = at;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (field === undefined) continue;
    const value = given[field.name];
    values[index + 2] =
      value !== undefined && fits(value, field.type)
        ? value
        : defaults[index]?.(random);
  }
  return shape.build(values);
}

/** Whether a value has the runtime form of a Type. */
export function fits(value: unknown, type: Type): boolean {
  switch (type.kind) {
    case 'optional':
      return value === null || value === undefined || fits(value, type.inner);
    case 'string':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' && acceptsChoice(type, [value]);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
    case 'money':
    case 'date':
    case 'datetime':
    case 'duration':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null;
    case 'error':
      return true;
    default:
      return assertNever(type);
  }
}
