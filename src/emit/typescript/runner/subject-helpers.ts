import Handlebars from 'handlebars';
import type { TimeZone } from '../../../runtime/time-zone.js';
import {
  formatDay,
  formatInstant,
  formatMoney,
} from '../../../templates/format-values.js';

/*
 * Shipped with the generated trigger code (as runner/subject-helpers.ts):
 * the Handlebars environment subjects render in, with the helpers of
 * Slinga's src/templates/template-environment.ts. That file cannot ship as
 * it is (its types reach into Slinga's compiler), so the helpers are
 * repeated here; their value formatting is src/templates/format-values.ts,
 * shipped byte for byte. The emitter refuses to emit when Slinga's
 * templates know a helper that is missing here (see emit-subjects.ts).
 */

/** A Handlebars environment of its own, with the template helpers. */
export type SubjectEnvironment = typeof Handlebars;

/** A product a recommendation provider suggests for a member. */
export interface Product {
  readonly name: string;
  /** SEK. */
  readonly price: number;
  readonly url: string;
  readonly image_url: string;
  readonly brand: string;
}

/**
 * Where `{{#each (recommendations "provider" n)}}` gets its products; the
 * same interface as Slinga's RecommendationProvider.
 */
export interface RecommendationProvider {
  products(
    provider: string,
    member: Record<string, unknown>,
    count: number,
  ): readonly Product[];
}

/** What the `recommendations` helper reads of the render context. */
interface RecommendationRoot {
  readonly member: Record<string, unknown>;
  readonly recommendations: RecommendationProvider;
}

/**
 * The helpers templates may call, sorted: Slinga's, and `format_datetime`,
 * the name the checker gives `format_date` where its argument is a datetime.
 */
export const subjectHelperNames = [
  'coalesce',
  'format_date',
  'format_datetime',
  'format_money',
  'recommendations',
] as const;

/** The helpers by name, as Slinga registers them. */
function subjectHelpers(
  timeZone: TimeZone,
): Record<(typeof subjectHelperNames)[number], Handlebars.HelperDelegate> {
  return {
    coalesce,
    format_date: (day: unknown) => formatDay(day),
    format_datetime: (instant: unknown) => formatInstant(instant, timeZone),
    format_money: (amount: unknown) => formatMoney(amount),
    recommendations,
  };
}

/**
 * A fresh environment whose date helpers work in the given time zone. Like
 * Slinga's, it drops the built-ins `lookup` and `log`, which templates may
 * not use.
 */
export function createSubjectEnvironment(
  timeZone: TimeZone,
): SubjectEnvironment {
  const environment = Handlebars.create();
  environment.unregisterHelper('lookup');
  environment.unregisterHelper('log');
  for (const [name, helper] of Object.entries(subjectHelpers(timeZone))) {
    environment.registerHelper(name, helper);
  }
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
