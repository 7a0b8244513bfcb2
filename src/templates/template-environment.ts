import Handlebars from 'handlebars';
import type { TimeZone } from '../runtime/time-zone.js';
import { formatDay, formatInstant, formatMoney } from './format-values.js';
import type { RenderContext } from './render-context.js';
import { collectPart, partHelper } from './email-part-helper.js';

/** An isolated Handlebars environment with the template helpers. */
export type TemplateEnvironment = typeof Handlebars;

/** How Handlebars compiles a template part. */
export type CompileOptions = NonNullable<
  Parameters<typeof Handlebars.compile>[1]
>;

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

/** The block helpers templates may use. */
export const blockHelpers: readonly string[] = ['if', 'unless', 'each', 'with'];

/** The helper `format_date` becomes for datetimes. */
export const datetimeHelper = 'format_datetime';

/** An environment for parsing only: the checker needs no helpers. */
export const parsingEnvironment: TemplateEnvironment = Handlebars.create();

/**
 * The options every part is compiled with: lenient data access (a missing
 * value prints nothing), only the known helpers (so that a variable never
 * calls a function), and HTML escaping for HTML only. Plain-text parts (the
 * subject, the preheader, the text version, an SMS) are not HTML: escaping
 * would put `&amp;` in them. Prototype access stays at Handlebars' default,
 * denied.
 */
export function compileOptions(html: boolean): CompileOptions {
  const knownHelpers: Record<string, boolean> = { [datetimeHelper]: true };
  for (const name of templateHelpers) knownHelpers[name] = true;
  return {
    strict: false,
    knownHelpersOnly: true,
    knownHelpers,
    noEscape: !html,
    data: true,
    compat: false,
  };
}

/** A fresh environment whose date helpers work in the given time zone. */
export function createTemplateEnvironment(
  timeZone: TimeZone,
): TemplateEnvironment {
  const environment = Handlebars.create();
  // The checker refuses these built-ins (lookup reads any property by a
  // computed name); without them, each render also wraps two helpers fewer.
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
  // Only the merged template of a whole email calls it (see whole-email.ts).
  environment.registerHelper(partHelper, collectPart);
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
  const data = options.data as { root?: RenderContext } | undefined;
  const root = data?.root;
  if (root === undefined) return [];
  return root.recommendations.products(
    String(provider),
    root.member,
    Number(count),
  );
}
