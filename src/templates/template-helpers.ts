import Handlebars from 'handlebars';
import type { TimeZone } from '../runtime/time-zone.js';
import { formatDay, formatInstant, formatMoney } from './format-values.js';

/*
 * The helpers templates call, in a Handlebars environment of their own.
 * Slinga renders with them, and the generated trigger code ships this file
 * unchanged (as templates/template-helpers.ts) to render subject lines: it
 * may import only Handlebars, src/runtime and format-values.ts.
 */

/** A product that a recommendation provider suggests for a member. */
export interface Product {
  readonly name: string;
  /** SEK. */
  readonly price: number;
  readonly url: string;
  readonly image_url: string;
  readonly brand: string;
}

/**
 * Where `{{#each (recommendations "provider" n)}}` gets its products: the
 * caller of a compiled template supplies it, so that rendering stays free of
 * network access and of any one recommendation engine.
 */
export interface RecommendationProvider {
  products(
    provider: string,
    member: Record<string, unknown>,
    count: number,
  ): readonly Product[];
}

/** A Handlebars environment with the template helpers registered. */
export type HelperEnvironment = typeof Handlebars;

/**
 * The helpers templates may call. `format_datetime` is not among them: the
 * checker renames `format_date` to it where the argument is a datetime, so
 * that the helper knows whether it got a day number or an instant.
 */
export const templateHelpers: readonly string[] = [
  'coalesce',
  'format_date',
  'format_money',
  'recommendations',
];

/** The helper `format_date` becomes for datetimes. */
export const datetimeHelper = 'format_datetime';

/** What the `recommendations` helper reads of the render context. */
interface RecommendationRoot {
  readonly member: Record<string, unknown>;
  readonly recommendations: RecommendationProvider;
}

/**
 * A fresh environment whose date helpers work in the given time zone. The
 * built-ins `lookup` and `log` are dropped: the checker refuses them
 * (lookup reads any property by a computed name), and without them each
 * render also wraps two helpers fewer.
 */
export function createHelperEnvironment(timeZone: TimeZone): HelperEnvironment {
  const environment = Handlebars.create();
  environment.unregisterHelper('lookup');
  environment.unregisterHelper('log');
  environment.registerHelper('coalesce', coalesce);
  environment.registerHelper('format_date', (day: unknown) => formatDay(day));
  environment.registerHelper(datetimeHelper, (instant: unknown) =>
    formatInstant(instant, timeZone),
  );
  environment.registerHelper('format_money', (amount: unknown) =>
    formatMoney(amount),
  );
  environment.registerHelper('recommendations', recommendations);
  return environment;
}

/** The first argument that is present; the last is the helper options. */
function coalesce(...values: unknown[]): unknown {
  for (let index = 0; index < values.length - 1; index++) {
    const value = values[index];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

function recommendations(
  provider: unknown,
  count: unknown,
  options: Handlebars.HelperOptions,
): unknown {
  const data = options.data as { root?: RecommendationRoot } | undefined;
  const root = data?.root;
  if (root === undefined) return [];
  return root.recommendations.products(
    String(provider),
    root.member,
    Number(count),
  );
}
