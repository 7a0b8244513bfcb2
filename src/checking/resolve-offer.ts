import type {
  Offer,
  OfferReminder,
  Parameter,
} from '../workspace/workspace.js';
import type { Channel } from '../workspace/workspace.js';
import type { DocumentReader } from './document-reader.js';
import { durationMs, text } from './written-values.js';

type Raw = Record<string, unknown>;

/**
 * Builds an Offer from a schema-valid Offer document. Amounts may name a
 * parameter (`{ param: name }`); unknown parameters are reported by the
 * reference checks and read as 0 here.
 */
export function resolveOffer(
  reader: DocumentReader,
  parameters: ReadonlyMap<string, Parameter>,
): Offer {
  const raw = reader.document.value as Raw;
  const discount = (raw['discount'] ?? {}) as Raw;
  const validIn = (raw['valid_in'] ?? {}) as Raw;
  const number = (value: unknown): number =>
    numberOrParameter(value, parameters);
  return {
    id: text(raw['id']),
    description:
      typeof raw['description'] === 'string' ? raw['description'] : undefined,
    discount:
      discount['percent'] !== undefined
        ? { kind: 'percent', percent: number(discount['percent']) }
        : { kind: 'amount', amount: number(discount['amount']) },
    minimumPurchase: number(raw['minimum_purchase'] ?? 0),
    channels: (validIn['channels'] as string[] | undefined) ?? [
      'store',
      'online',
    ],
    areas: (validIn['areas'] as string[] | undefined) ?? [],
    validityMs: durationMs(raw['validity']),
    oncePerMember: raw['once_per_member'] !== false,
    reminders: ((raw['reminders'] as Raw[] | undefined) ?? []).map(
      (reminder, index): OfferReminder => ({
        beforeExpiryMs: durationMs(reminder['before_expiry']),
        template: text(reminder['template']),
        channel: (reminder['channel'] ?? 'email') as Channel,
        span: reader.span(['reminders', index]),
      }),
    ),
    span: reader.document.span,
  };
}

/** The parameter an offer amount names, if it names one. */
export function parameterName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as Raw)['param'];
  return typeof name === 'string' ? name : undefined;
}

function numberOrParameter(
  value: unknown,
  parameters: ReadonlyMap<string, Parameter>,
): number {
  const name = parameterName(value);
  if (name === undefined) return typeof value === 'number' ? value : 0;
  const parameter = parameters.get(name)?.value;
  return typeof parameter === 'number' ? parameter : 0;
}
