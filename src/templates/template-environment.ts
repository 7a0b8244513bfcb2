import Handlebars from 'handlebars';
import type { TimeZone } from '../runtime/time-zone.js';
import { collectPart, partHelper } from './email-part-helper.js';
import {
  createHelperEnvironment,
  datetimeHelper,
  templateHelpers,
} from './template-helpers.js';

/** An isolated Handlebars environment with the template helpers. */
export type TemplateEnvironment = typeof Handlebars;

/** How Handlebars compiles a template part. */
export type CompileOptions = NonNullable<
  Parameters<typeof Handlebars.compile>[1]
>;

/** The block helpers templates may use. */
export const blockHelpers: readonly string[] = ['if', 'unless', 'each', 'with'];

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

/**
 * A fresh environment with the template helpers, whose date helpers work in
 * the given time zone, and the helper that collects the parts of a whole
 * email.
 */
export function createTemplateEnvironment(
  timeZone: TimeZone,
): TemplateEnvironment {
  const environment = createHelperEnvironment(timeZone);
  // Only the merged template of a whole email calls it (see whole-email.ts).
  environment.registerHelper(partHelper, collectPart);
  return environment;
}
