import type {
  Cap,
  ContactPolicy,
  Fallback,
  QuietHours,
} from '../workspace/contact-policy.js';
import type { Condition } from '../workspace/condition.js';
import {
  categories,
  channels,
  type Category,
  type Channel,
} from '../workspace/workspace.js';
import type { DocumentReader } from './document-reader.js';
import { durationMs, minuteOfDay, text } from './written-values.js';

type Raw = Record<string, unknown>;

/** The time zone when a policy names none. */
export const defaultTimeZone = 'Europe/Stockholm';

/** Builds the ContactPolicy from a schema-valid document. */
export function resolvePolicy(reader: DocumentReader): ContactPolicy {
  const raw = reader.document.value as Raw;
  const consent = new Map<Channel, Condition>();
  for (const channel of Object.keys(raw['consent'] ?? {})) {
    consent.set(channel as Channel, reader.condition(['consent', channel]));
  }
  return {
    id: text(raw['id']),
    timeZone:
      typeof raw['time_zone'] === 'string' ? raw['time_zone'] : defaultTimeZone,
    consent,
    caps: list(raw['caps']).map((cap, index) => resolveCap(reader, cap, index)),
    quietHours: list(raw['quiet_hours']).map((quiet, index) =>
      resolveQuietHours(reader, quiet, index),
    ),
    fallbacks: list(raw['fallback']).map((fallback, index): Fallback => ({
      from: fallback['from'] as Channel,
      to: fallback['to'] as Channel,
      when: reader.condition(['fallback', index, 'when']),
      span: reader.span(['fallback', index]),
    })),
    priorities: (raw['priorities'] as string[] | undefined) ?? [],
    transactionalExempt: raw['transactional_exempt'] !== false,
    span: reader.document.span,
  };
}

/** The policy used where a workspace has none: no caps, no quiet hours. */
export function emptyPolicy(span: ContactPolicy['span']): ContactPolicy {
  return {
    id: 'none',
    timeZone: defaultTimeZone,
    consent: new Map(),
    caps: [],
    quietHours: [],
    fallbacks: [],
    priorities: [],
    transactionalExempt: true,
    span,
  };
}

function resolveCap(reader: DocumentReader, raw: Raw, index: number): Cap {
  const marketing = categories.filter(
    (category) => category !== 'transactional',
  );
  return {
    id: text(raw['id'], `cap_${index}`),
    max: Number(raw['max']),
    windowMs: durationMs(raw['window']),
    categories: (raw['categories'] as Category[] | undefined) ?? marketing,
    channels: (raw['channels'] as Channel[] | undefined) ?? channels,
    span: reader.span(['caps', index]),
  };
}

function resolveQuietHours(
  reader: DocumentReader,
  raw: Raw,
  index: number,
): QuietHours {
  const channel = raw['channel'] as Channel;
  return {
    id: text(raw['id'], `quiet_hours_${channel}`),
    channel,
    fromMinute: minuteOfDay(raw['from']),
    toMinute: minuteOfDay(raw['to']),
    action: raw['action'] === 'drop' ? 'drop' : 'defer',
    span: reader.span(['quiet_hours', index]),
  };
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? (value as Raw[]) : [];
}
