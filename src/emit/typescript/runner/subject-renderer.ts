import type { Program } from '../../../runtime/program.js';
import type { RenderSubject } from './run-triggers.js';
import {
  createHelperEnvironment,
  type HelperEnvironment,
  type RecommendationProvider,
} from '../../../templates/template-helpers.js';

/*
 * Shipped with the generated trigger code (as runner/subject-renderer.ts):
 * the subject line of every email sent, rendered as Slinga renders it.
 */

/** How Handlebars compiles a subject. */
export type SubjectCompileOptions = NonNullable<
  Parameters<HelperEnvironment['compile']>[1]
>;

/** The subject lines of a workspace's email templates (subjects.ts). */
export interface SubjectTemplates {
  /** The options Slinga compiles plain-text parts with: no HTML escaping. */
  readonly compileOptions: SubjectCompileOptions;
  /** Each email template's subject: the Handlebars source Slinga compiles. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Recommends nothing: what a run renders with when given no provider. */
export const noRecommendations: RecommendationProvider = {
  products: () => [],
};

/**
 * Renders the subject of an email from its template's subject line: the
 * source, compile options and helpers Slinga uses, and the values Slinga's
 * renderer takes (member, entry event, offer, parameters, recommendations).
 * The trigger code knows no links, so `unsubscribe_url` and
 * `preferences_url` are empty. An SMS has no subject: null. Each template
 * is compiled the first time it is sent.
 */
export function templateSubjects<Member>(
  templates: SubjectTemplates,
  program: Program,
  recommendations: RecommendationProvider,
): RenderSubject<Member> {
  const environment = createHelperEnvironment(program.timeZone);
  const compiled = new Map<string, (context: unknown) => string>();
  return (template, context) => {
    if (context.channel !== 'email') return null;
    let render = compiled.get(template);
    if (render === undefined) {
      const source = templates.sources.get(template);
      if (source === undefined) return null;
      // Most subject lines are fixed text. Without `{{` Handlebars would give
      // the source unchanged, but only after setting up its runtime anew,
      // which costs more than the rest of a send line.
      render = source.includes('{{')
        ? environment.compile(source, templates.compileOptions)
        : () => source;
      compiled.set(template, render);
    }
    return render({
      member: context.member,
      offer: context.offerValues ?? undefined,
      event: context.event ?? undefined,
      params: program.params,
      unsubscribe_url: '',
      preferences_url: '',
      recommendations,
    });
  };
}
