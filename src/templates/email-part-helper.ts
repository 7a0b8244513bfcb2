import type Handlebars from 'handlebars';
import type { RenderContext } from './render-context.js';

/**
 * The block helper that collects the parts of a whole-email render (see
 * whole-email.ts). It is registered in every template environment but only
 * ever called by the template wholeEmail builds: the templates of a
 * workspace are compiled with only the known helpers, which it is not.
 */
export const partHelper = 'slinga_email_part';

/** Where a whole-email render collects its parts, out of templates' reach. */
const collected = Symbol('collected email parts');

interface CollectingData {
  readonly root: RenderContext;
  readonly [collected]: string[];
}

/**
 * The data frame of a whole-email render, collecting into `parts`. With
 * `root` given, Handlebars uses the object as the data frame itself; a copy
 * would lose the symbol-keyed list.
 */
export function collectingData(
  context: RenderContext,
  parts: string[],
): CollectingData {
  return { root: context, [collected]: parts };
}

/** The part helper: renders its block into the list, and nothing in place. */
export function collectPart(
  this: unknown,
  options: Handlebars.HelperOptions,
): string {
  const data = options.data as Partial<CollectingData> | undefined;
  data?.[collected]?.push(options.fn(this));
  return '';
}
