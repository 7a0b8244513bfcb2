import type { RecommendationProvider } from './template-helpers.js';

/**
 * What a compiled template renders: the values behind the template
 * variables, in their runtime form (see src/language/types.ts: a date is a
 * day number, a datetime epoch milliseconds, money a number of SEK).
 */
export interface RenderContext {
  readonly member: Record<string, unknown>;
  /** The offer the send carries, when it carries one. */
  readonly offer?: Readonly<Record<string, unknown>> | undefined;
  /** The entry event of the sending journey, when it has one. */
  readonly event?: Readonly<Record<string, unknown>> | undefined;
  readonly params: Readonly<Record<string, unknown>>;
  readonly unsubscribe_url: string;
  readonly preferences_url?: string | undefined;
  readonly recommendations: RecommendationProvider;
}
