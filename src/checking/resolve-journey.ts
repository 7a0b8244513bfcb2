import type { DocumentPath } from '../loading/yaml-locate.js';
import {
  weekdays,
  type Entry,
  type ExitRule,
  type Goal,
  type Journey,
  type ReEntry,
  type Step,
  type SplitVariant,
} from '../workspace/journey.js';
import type { Category, Channel } from '../workspace/workspace.js';
import type { DocumentReader } from './document-reader.js';
import { durationMs, minuteOfDay, text } from './written-values.js';

type Raw = Record<string, unknown>;

/** Builds a Journey from a schema-valid Journey document. */
export function resolveJourney(reader: DocumentReader): Journey {
  const raw = reader.document.value as Raw;
  const id = text(raw['id']);
  return {
    id,
    name: typeof raw['name'] === 'string' ? raw['name'] : id,
    description: optionalString(raw['description']),
    category: raw['category'] as Category,
    entry: resolveEntry(reader, raw['entry'] as Raw),
    reEntry: resolveReEntry(raw['re_entry']),
    exitRules: asList(raw['exit_when']).map((rule, index) =>
      resolveExitRule(reader, rule as Raw, ['exit_when', index]),
    ),
    goal:
      raw['goal'] === undefined
        ? undefined
        : resolveGoal(reader, raw['goal'] as Raw),
    steps: resolveSteps(reader, asList(raw['steps']), ['steps']),
    span: reader.document.span,
  };
}

function resolveEntry(reader: DocumentReader, raw: Raw): Entry {
  const span = reader.span(['entry']);
  if (raw['event'] !== undefined) {
    return {
      kind: 'event',
      event: text(raw['event']),
      when: reader.optionalCondition(['entry', 'when'], raw['when']),
      span,
    };
  }
  if (raw['segment'] !== undefined) {
    return { kind: 'segment', segment: text(raw['segment']), span };
  }
  const schedule = (raw['schedule'] ?? {}) as Raw;
  const weekday = weekdays.indexOf(text(schedule['on'], 'monday'));
  return {
    kind: 'schedule',
    every: (schedule['every'] ?? 'day') as 'day' | 'week' | 'month',
    atMinute: minuteOfDay(schedule['at'] ?? '09:00'),
    weekday: Math.max(0, weekday),
    dayOfMonth: Number(schedule['day_of_month'] ?? 1),
    audience: reader.optionalCondition(['entry', 'audience'], raw['audience']),
    span,
  };
}

function resolveReEntry(raw: unknown): ReEntry {
  if (raw === 'always') return { kind: 'always' };
  if (typeof raw === 'object' && raw !== null && 'after' in raw) {
    return { kind: 'after', afterMs: durationMs((raw as Raw)['after']) };
  }
  return { kind: 'never' };
}

function resolveExitRule(
  reader: DocumentReader,
  raw: Raw,
  path: DocumentPath,
): ExitRule {
  const span = reader.span(path);
  if (raw['event'] !== undefined) {
    return {
      kind: 'event',
      event: text(raw['event']),
      when: reader.optionalCondition([...path, 'when'], raw['when']),
      span,
    };
  }
  return {
    kind: 'condition',
    when: reader.condition([...path, 'condition']),
    span,
  };
}

function resolveGoal(reader: DocumentReader, raw: Raw): Goal {
  return {
    event: text(raw['event']),
    withinMs: durationMs(raw['within']),
    when: reader.optionalCondition(['goal', 'when'], raw['when']),
    span: reader.span(['goal']),
  };
}

/** Resolves a list of steps; `path` is where the list stands. */
export function resolveSteps(
  reader: DocumentReader,
  raw: readonly unknown[],
  path: DocumentPath,
): Step[] {
  return raw.map((step, index) =>
    resolveStep(reader, step as Raw, [...path, index]),
  );
}

function resolveStep(
  reader: DocumentReader,
  raw: Raw,
  path: DocumentPath,
): Step {
  const id = typeof raw['id'] === 'string' ? raw['id'] : path.join('.');
  const span = reader.span(path);
  if (raw['send'] !== undefined) {
    const send = raw['send'] as Raw;
    return {
      kind: 'send',
      id,
      span,
      channel: send['channel'] as Channel,
      template: text(send['template']),
      offer: optionalString(send['offer']),
      category: optionalString(send['category']) as Category | undefined,
    };
  }
  if (raw['wait'] !== undefined)
    return resolveWait(reader, raw['wait'], id, path);
  if (raw['branch'] !== undefined) {
    const branch = raw['branch'] as Raw;
    const at = [...path, 'branch'];
    return {
      kind: 'branch',
      id,
      span,
      when: reader.condition([...at, 'when']),
      then: resolveSteps(reader, asList(branch['then']), [...at, 'then']),
      else: resolveSteps(reader, asList(branch['else']), [...at, 'else']),
    };
  }
  if (raw['split'] !== undefined)
    return resolveSplit(reader, raw['split'] as Raw, id, path);
  if (raw['update'] !== undefined) {
    const set = ((raw['update'] as Raw)['set'] ?? {}) as Raw;
    return {
      kind: 'update',
      id,
      span,
      assignments: Object.keys(set).map((attribute) => ({
        attribute,
        value: reader.condition([...path, 'update', 'set', attribute]),
      })),
    };
  }
  return { kind: 'exit', id, span, reason: text(raw['exit'], 'exit') };
}

function resolveWait(
  reader: DocumentReader,
  raw: unknown,
  id: string,
  path: DocumentPath,
): Step {
  const span = reader.span(path);
  if (typeof raw === 'string')
    return { kind: 'wait_duration', id, span, durationMs: durationMs(raw) };
  const wait = raw as Raw;
  if (wait['until'] !== undefined) {
    return {
      kind: 'wait_until',
      id,
      span,
      atMinute: minuteOfDay(wait['until']),
    };
  }
  if (wait['event'] === undefined) {
    return {
      kind: 'wait_duration',
      id,
      span,
      durationMs: durationMs(wait['for']),
    };
  }
  const at = [...path, 'wait'];
  return {
    kind: 'wait_event',
    id,
    span,
    event: text(wait['event']),
    when: reader.optionalCondition([...at, 'when'], wait['when']),
    timeoutMs: wait['timeout'] === undefined ? 0 : durationMs(wait['timeout']),
    onEvent: resolveSteps(reader, asList(wait['on_event']), [
      ...at,
      'on_event',
    ]),
    onTimeout: resolveSteps(reader, asList(wait['on_timeout']), [
      ...at,
      'on_timeout',
    ]),
  };
}

function resolveSplit(
  reader: DocumentReader,
  raw: Raw,
  id: string,
  path: DocumentPath,
): Step {
  const variants: SplitVariant[] = asList(raw['variants']).map(
    (variant, index) => {
      const written = variant as Raw;
      return {
        id: text(written['id']),
        share: Number(written['share']),
        steps: resolveSteps(reader, asList(written['steps']), [
          ...path,
          'split',
          'variants',
          index,
          'steps',
        ]),
      };
    },
  );
  return {
    kind: 'split',
    id,
    span: reader.span(path),
    variants,
    holdout: Number(raw['holdout'] ?? 0),
  };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
