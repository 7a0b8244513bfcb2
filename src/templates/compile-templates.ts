import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateAnalysis } from './analyze-template.js';
import {
  analyzeTemplates,
  workspaceTimeZone,
  type TemplateWorkspace,
} from './check-templates.js';
import {
  compileEmail,
  startMjml,
  tryRender,
  type MjmlOutcome,
} from './compile-email.js';
import type {
  CompiledEmail,
  CompiledSms,
  CompiledTemplate,
} from './compiled-template.js';
import { sampleContext } from './sample-context.js';
import {
  compileOptions,
  createTemplateEnvironment,
  type TemplateEnvironment,
} from './template-environment.js';

/** Compiled templates by id, and what checking and compiling found. */
export interface CompiledTemplates {
  /** Templates whose files have no errors, by template id. */
  readonly templates: Map<string, CompiledTemplate>;
  /** The same findings as checkTemplates, and any from compiling. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Checks and compiles every template of a workspace, once: emails through
 * MJML to HTML with Handlebars in it, SMS to Handlebars text. A file with
 * errors is left out; the other channel of its template id stays.
 */
export async function compileTemplates(
  workspace: TemplateWorkspace,
): Promise<CompiledTemplates> {
  const environment = createTemplateEnvironment(workspaceTimeZone(workspace));
  const analysed = analyzeTemplates(workspace, environment);
  const diagnostics = analysed.flatMap((analysis) => [...analysis.diagnostics]);
  const analyses = analysed.filter(
    (analysis) => !hasErrors(analysis.diagnostics),
  );
  const templates = new Map<string, CompiledTemplate>();
  // Every email's MJML starts before any is waited for (see startMjml).
  const mjml = analyses.map((analysis) =>
    analysis.template.channel === 'email' && analysis.body !== undefined
      ? startMjml(analysis.body)
      : undefined,
  );

  for (const [index, analysis] of analyses.entries()) {
    const id = analysis.template.id;
    const compiled = await compileChannel(
      analysis,
      environment,
      workspace,
      diagnostics,
      mjml[index],
    );
    if (compiled === undefined) continue;
    const channel = analysis.template.channel;
    templates.set(id, {
      ...(templates.get(id) ?? { id }),
      [channel]: compiled,
    });
  }
  return { templates, diagnostics };
}

async function compileChannel(
  analysis: TemplateAnalysis,
  environment: TemplateEnvironment,
  workspace: TemplateWorkspace,
  diagnostics: Diagnostic[],
  mjml: Promise<MjmlOutcome> | undefined,
): Promise<CompiledEmail | CompiledSms | undefined> {
  const { body } = analysis;
  if (body === undefined) return undefined;
  const sample = sampleContext(analysis.scope, workspace.parameters);

  if (analysis.template.channel === 'sms') {
    const render = environment.compile(
      body.runtimeSource,
      compileOptions(false),
    );
    if (!tryRender(render, sample, body, diagnostics)) return undefined;
    const { encoding = 'gsm7', parts = 1 } = analysis.sms ?? {};
    return {
      text: (context) => render(context),
      source: body.runtimeSource,
      sample,
      encoding,
      parts,
    };
  }

  const parts = {
    subject: analysis.subject,
    preheader: analysis.preheader,
    body,
  };
  const email = await compileEmail(parts, environment, diagnostics, mjml);
  if (email === undefined) return undefined;
  const whole: Diagnostic[] = [];
  if (tryRender((context) => email.render(context).html, sample, body, whole))
    return { ...email, sample };
  // Part by part, the first part that fails tells which, as it always has.
  const renders = [email.subject, email.preheader, email.html, email.text];
  const rendered = renders.every((render) =>
    tryRender(render, sample, body, diagnostics),
  );
  if (rendered) diagnostics.push(...whole);
  return undefined;
}
