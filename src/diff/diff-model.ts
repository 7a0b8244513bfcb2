import { assertNever } from '../support/assert-never.js';
import type {
  EventEffect,
  EventType,
  Field,
  MemberModel,
  Parameter,
} from '../workspace/workspace.js';
import { describeTypeInFull } from '../language/types.js';
import { conditionText, valueText } from './describe-values.js';
import type { Locators } from './location.js';
import {
  changedItem,
  compareById,
  DetailList,
  onlyOneSide,
  type SemanticChange,
} from './semantic-change.js';

/**
 * Member attributes (`member.email`) and event types (`event.purchase`)
 * added, removed, or with a changed type, payload or effect.
 */
export function diffModel(
  base: MemberModel,
  head: MemberModel,
  locators: Locators,
): SemanticChange[] {
  const prefixed = <T>(prefix: string, map: ReadonlyMap<string, T>) =>
    new Map([...map].map(([name, value]) => [`${prefix}.${name}`, value]));
  const attributes = compareById(
    prefixed('member', base.attributes),
    prefixed('member', head.attributes),
    (id, before, after) => {
      const details = new DetailList();
      const location = locators.head.at(after.span);
      details.compare(
        'type',
        describeTypeInFull(before.type),
        describeTypeInFull(after.type),
        location,
      );
      return changedItem('model', id, details.details, location);
    },
    (id, field, change) => single(id, field, change, locators),
  );
  const events = compareById(
    prefixed('event', base.events),
    prefixed('event', head.events),
    (id, before, after) => diffEvent(id, before, after, locators),
    (id, event, change) => single(id, event, change, locators),
  );
  return [...attributes, ...events];
}

function diffEvent(
  id: string,
  before: EventType,
  after: EventType,
  locators: Locators,
): SemanticChange | undefined {
  const details = new DetailList();
  const location = locators.head.at(after.span);
  const names = [...new Set([...before.fields.keys(), ...after.fields.keys()])];
  for (const name of names) {
    const a = before.fields.get(name);
    const b = after.fields.get(name);
    details.compare(
      `payload ${name}`,
      a === undefined ? null : describeTypeInFull(a.type),
      b === undefined ? null : describeTypeInFull(b.type),
      b === undefined ? location : locators.head.at(b.span),
    );
  }
  const effects = (event: EventType): Set<string> =>
    new Set(event.effects.map(effectText));
  const a = effects(before);
  const b = effects(after);
  for (const text of a)
    if (!b.has(text)) details.compare('effect', text, null, location);
  for (const text of b)
    if (!a.has(text)) details.compare('effect', null, text, location);
  return changedItem('model', id, details.details, location);
}

function single(
  id: string,
  item: Field | EventType,
  change: 'added' | 'removed',
  locators: Locators,
): SemanticChange {
  const summary = 'fields' in item ? 'event' : describeTypeInFull(item.type);
  const side = change === 'added' ? locators.head : locators.base;
  return onlyOneSide('model', id, change, summary, side.at(item.span));
}

/** `set last_purchase_at = event.at`, `append to purchases {at: event.at}`. */
function effectText(effect: EventEffect): string {
  switch (effect.kind) {
    case 'update':
      return `set ${effect.attribute} = ${conditionText(effect.value) ?? ''}`;
    case 'append':
      return `append to ${effect.attribute} {${effect.fields
        .map((field) => `${field.name}: ${conditionText(field.value) ?? ''}`)
        .join(', ')}}`;
    default:
      return assertNever(effect);
  }
}

/** Parameters added, removed, or with a changed value or type. */
export function diffParameters(
  base: ReadonlyMap<string, Parameter>,
  head: ReadonlyMap<string, Parameter>,
  locators: Locators,
): SemanticChange[] {
  return compareById(
    base,
    head,
    (id, before, after) => {
      const details = new DetailList();
      const location = locators.head.at(after.span);
      details.compare(
        'type',
        describeTypeInFull(before.type),
        describeTypeInFull(after.type),
        location,
      );
      details.compare(
        'value',
        valueText(before.value, before.type),
        valueText(after.value, after.type),
        location,
      );
      return changedItem('parameter', id, details.details, location);
    },
    (id, parameter, change) =>
      onlyOneSide(
        'parameter',
        id,
        change,
        `${valueText(parameter.value, parameter.type)} (${describeTypeInFull(parameter.type)})`,
        (change === 'added' ? locators.head : locators.base).at(parameter.span),
      ),
  );
}
