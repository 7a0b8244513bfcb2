import type { Type } from '../language/types.js';
import { daysFromCivil, millisecondsPerDay } from '../runtime/calendar.js';
import { assertNever } from '../support/assert-never.js';
import type { Parameter } from '../workspace/workspace.js';
import type { Product, RecommendationProvider } from './template-helpers.js';
import type { RenderContext } from './render-context.js';
import type { TemplateScope } from './template-scope.js';

/**
 * Values to render a template with when no member is at hand: to measure an
 * SMS and to try every compiled template once. They are plausible and on the
 * long side (a double first name, a long store name, a tracking link), so
 * that a text that fits with them fits for nearly every member.
 */
const sampleStrings: readonly [RegExp, string][] = [
  [/url$/, 'https://example.com/l/Ab12Cd34Ef56Gh78Ij90'],
  [/email/, 'anna-karin.lindqvist@example.com'],
  [/first_name/, 'Anna-Karin'],
  [/last_name/, 'Lindqvist-Holmberg'],
  [/phone/, '+46701234567'],
  [/store/, 'Stockholm Drottninggatan'],
  [/carrier/, 'PostNord'],
  [/code$/, 'SL-7KQ2-M9XD'],
  [/(^|_)id$/, 'SE-2025-0012345'],
  [/name$/, 'Doftljus Vanilj och Sandelträ'],
];

/** The last day the samples use, 2025-12-31, as a day number. */
const sampleDay = daysFromCivil(2025, 12, 31);

/** A sample value of a type, for a field of the given name. */
export function sampleValue(type: Type, name: string): unknown {
  switch (type.kind) {
    case 'optional':
      return sampleValue(type.inner, name);
    case 'string':
      return (
        sampleStrings.find(([pattern]) => pattern.test(name))?.[1] ??
        'Exempeltext av rimlig längd'
      );
    case 'enum':
      return type.values.reduce(
        (longest, value) => (value.length > longest.length ? value : longest),
        '',
      );
    case 'integer':
      return /percent/.test(name) ? 50 : /count/.test(name) ? 12 : 12_345;
    case 'number':
      return /percent/.test(name) ? 50 : 1_234.5;
    case 'money':
      return 12_345;
    case 'boolean':
      return false;
    case 'date':
      return sampleDay;
    case 'datetime':
      return sampleDay * millisecondsPerDay + 12 * 3_600_000;
    case 'duration':
      return 7 * millisecondsPerDay;
    case 'list':
      return [sampleValue(type.item, name), sampleValue(type.item, name)];
    case 'object':
      return sampleObject(type.properties);
    case 'error':
      return undefined;
    default:
      return assertNever(type);
  }
}

function sampleObject(
  properties: ReadonlyMap<string, Type>,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [name, type] of properties) value[name] = sampleValue(type, name);
  return value;
}

/** A sample product: long name, four-digit price. */
export const sampleProduct: Product = {
  name: 'Doftljus Vanilj och Sandelträ',
  price: 1_299,
  url: 'https://example.com/p/doftljus-vanilj-sandeltra',
  image_url: 'https://example.com/i/doftljus-vanilj-sandeltra.jpg',
  brand: 'Skandinavisk Hemdesign',
};

/** Recommends the sample product, as many times as asked. */
export const sampleRecommendations: RecommendationProvider = {
  products: (_provider, _member, count) =>
    Array.from(
      { length: Math.max(0, Math.min(count, 100)) },
      () => sampleProduct,
    ),
};

/** A render context of sample values for a template's scope. */
export function sampleContext(
  scope: TemplateScope,
  parameters: ReadonlyMap<string, Parameter>,
): RenderContext {
  const value = (name: string): Record<string, unknown> | undefined => {
    const type = scope.roots.get(name);
    return type === undefined
      ? undefined
      : (sampleValue(type, name) as Record<string, unknown>);
  };
  const params: Record<string, unknown> = {};
  for (const [name, parameter] of parameters) params[name] = parameter.value;
  return {
    member: value('member') ?? {},
    offer: value('offer'),
    event: value('event'),
    params,
    unsubscribe_url: 'https://example.com/avregistrera/Ab12Cd34Ef56Gh78',
    preferences_url: 'https://example.com/installningar/Ab12Cd34Ef56Gh78',
    recommendations: sampleRecommendations,
  };
}
