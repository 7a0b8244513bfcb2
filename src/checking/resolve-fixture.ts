import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { objectType, type Type } from '../language/types.js';
import type { TimeZone } from '../runtime/time-zone.js';
import type {
  Expectation,
  Fixture,
  FixtureEvent,
  FixtureMember,
} from '../workspace/fixture.js';
import type { Channel, MemberModel } from '../workspace/workspace.js';
import { convertValue, parseDate, parseDatetime } from './convert-value.js';
import type { DocumentReader } from './document-reader.js';
import { typesOf } from './resolve-model.js';

import { text } from './written-values.js';

type Raw = Record<string, unknown>;

/**
 * Builds a Fixture: member attributes and event payloads are converted to
 * their runtime form and checked against the Model.
 */
export function resolveFixture(
  reader: DocumentReader,
  model: MemberModel,
  timeZone: TimeZone,
  diagnostics: Diagnostic[],
): Fixture {
  const raw = reader.document.value as Raw;
  const locate = reader.document.locate;
  const period = (raw['period'] ?? {}) as Raw;
  const startDay = parseDate(period['start']) ?? 0;
  const endDay = parseDate(period['end']);
  const days =
    endDay === undefined ? Number(period['days'] ?? 1) : endDay - startDay + 1;
  const members = list(raw['members']).map((member, index): FixtureMember => {
    const id = text(member['id']);
    const written = { ...((member['attributes'] ?? {}) as Raw), id };
    const path = ['members', index, 'attributes'];
    const site = { path, locate, timeZone, diagnostics };
    const attributes = convertValue(written, model.member, site) as Raw | null;
    return {
      id,
      attributes: attributes ?? { id },
      span: reader.span(['members', index]),
    };
  });
  const memberIds = members.map((member) => member.id);
  const events = list(raw['events']).map((event, index) =>
    resolveEvent(reader, event, index, model, timeZone, memberIds, diagnostics),
  );
  const expectations = list(raw['expect']).map((expectation, index) =>
    resolveExpectation(reader, expectation, index, startDay),
  );
  return {
    id: text(raw['id']),
    description:
      typeof raw['description'] === 'string' ? raw['description'] : undefined,
    startDay,
    days,
    members,
    events: events.sort((a, b) => a.at - b.at),
    expectations,
    span: reader.document.span,
  };
}

function resolveEvent(
  reader: DocumentReader,
  raw: Raw,
  index: number,
  model: MemberModel,
  timeZone: TimeZone,
  memberIds: readonly string[],
  diagnostics: Diagnostic[],
): FixtureEvent {
  const path = ['events', index];
  const locate = reader.document.locate;
  const type = text(raw['type']);
  const eventType = model.events.get(type);
  if (eventType === undefined) {
    const data = {
      what: 'event type',
      name: type,
      suggestion: didYouMean(type, model.events.keys()),
    };
    diagnostics.push(report('SL503', reader.span([...path, 'type']), data));
  }
  const member = text(raw['member']);
  if (!memberIds.includes(member)) {
    const data = {
      what: 'fixture member',
      name: member,
      suggestion: didYouMean(member, memberIds),
    };
    diagnostics.push(report('SL503', reader.span([...path, 'member']), data));
  }
  const at = parseDatetime(raw['at'], timeZone);
  if (at === undefined) {
    const data = {
      type: 'datetime',
      detail: 'expected a datetime such as 2025-03-01T09:00',
    };
    diagnostics.push(report('SL513', reader.span([...path, 'at']), data));
  }
  const payloadFields = new Map<string, Type>(
    eventType === undefined ? [] : typesOf(eventType.fields),
  );
  payloadFields.delete('at');
  payloadFields.delete('type');
  const site = { path: [...path, 'payload'], locate, timeZone, diagnostics };
  const payload =
    eventType === undefined
      ? {}
      : ((convertValue(
          raw['payload'] ?? {},
          objectType(payloadFields),
          site,
        ) as Raw | null) ?? {});
  return { at: at ?? 0, member, type, payload, span: reader.span(path) };
}

function resolveExpectation(
  reader: DocumentReader,
  raw: Raw,
  index: number,
  startDay: number,
): Expectation {
  const member = text(raw['member']);
  const span = reader.span(['expect', index]);
  if (raw['receives'] !== undefined) {
    const receives = raw['receives'] as Raw;
    const on = parseDate(receives['on']);
    const day =
      on ??
      (receives['day'] === undefined
        ? undefined
        : startDay + Number(receives['day']));
    return {
      kind: 'receives',
      member,
      template: text(receives['template']),
      channel: receives['channel'] as Channel | undefined,
      day,
      offer:
        typeof receives['offer'] === 'string' ? receives['offer'] : undefined,
      span,
    };
  }
  if (raw['never_receives'] !== undefined) {
    return {
      kind: 'never_receives',
      member,
      template: text(raw['never_receives']),
      span,
    };
  }
  if (raw['leaves'] !== undefined) {
    const leaves = raw['leaves'] as Raw;
    return {
      kind: 'leaves',
      member,
      journey: text(leaves['journey']),
      reason:
        typeof leaves['reason'] === 'string' ? leaves['reason'] : undefined,
      span,
    };
  }
  const held = (raw['held_back'] ?? {}) as Raw;
  return {
    kind: 'held_back',
    member,
    template:
      typeof held['template'] === 'string' ? held['template'] : undefined,
    rule: text(held['rule']),
    span,
  };
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? (value as Raw[]) : [];
}
