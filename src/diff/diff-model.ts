import { assertNever } from '../support/assert-never.js';
import type {
  EventEffect,
  EventType,
  MemberModel,
  Parameter,
} from '../workspace/workspace.js';
import {
  describeTypeInFull,
  listType,
  optionalType,
  requiredType,
  type Type,
} from '../language/types.js';
import { conditionText, valueText } from './describe-values.js';
import type { Locators } from './location.js';
import {
  diffItems,
  type DetailList,
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
  const attributes = diffItems(
    prefixed('member', base.attributes),
    prefixed('member', head.attributes),
    locators,
    {
      area: 'model',
      compare: (before, after, details) => {
        const location = locators.head.at(after.span);
        const [typeBefore, keptBefore] = attributeTexts(before.type);
        const [typeAfter, keptAfter] = attributeTexts(after.type);
        details.compare('type', typeBefore, typeAfter, location);
        details.compare('retention', keptBefore, keptAfter, location);
      },
      summary: (field) => describeTypeInFull(field.type),
    },
  );
  const events = diffItems(
    prefixed('event', base.events),
    prefixed('event', head.events),
    locators,
    {
      area: 'model',
      compare: (before, after, details) =>
        diffEvent(before, after, details, locators),
      summary: () => 'event',
    },
  );
  return [...attributes, ...events];
}

/**
 * An attribute's type and, apart, its retention: a changed retention is
 * one short line, not two long types that differ at their ends.
 */
function attributeTexts(type: Type): [type: string, retention: string | null] {
  const list = requiredType(type);
  if (list.kind !== 'list' || list.retention === undefined)
    return [describeTypeInFull(type), null];
  const { days, by } = list.retention;
  const bare = listType(list.item);
  return [
    describeTypeInFull(type.kind === 'optional' ? optionalType(bare) : bare),
    `${days} days by ${by}`,
  ];
}

function diffEvent(
  before: EventType,
  after: EventType,
  details: DetailList,
  locators: Locators,
): void {
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
  return diffItems(base, head, locators, {
    area: 'parameter',
    compare: (before, after, details) => {
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
    },
    summary: (parameter) =>
      `${valueText(parameter.value, parameter.type)} (${describeTypeInFull(parameter.type)})`,
  });
}
