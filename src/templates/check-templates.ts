import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TimeZone, defaultTimeZoneName } from '../runtime/time-zone.js';
import type { Workspace } from '../workspace/workspace.js';
import { analyzeTemplate, type TemplateAnalysis } from './analyze-template.js';
import {
  createTemplateEnvironment,
  type TemplateEnvironment,
} from './template-environment.js';
import { templateScope } from './template-scope.js';
import { templateSends } from './template-sends.js';

/** The parts of a workspace that templates are checked against. */
export type TemplateWorkspace = Pick<
  Workspace,
  'model' | 'parameters' | 'journeys' | 'offers' | 'templates' | 'policy'
>;

/**
 * Checks every template of a workspace: front matter, every Handlebars
 * variable and helper against the Model and the sends that use the
 * template, the MJML of emails, the length of SMS.
 */
export function checkTemplates(workspace: TemplateWorkspace): Diagnostic[] {
  const environment = createTemplateEnvironment(workspaceTimeZone(workspace));
  return analyzeTemplates(workspace, environment).flatMap(
    (analysis) => analysis.diagnostics,
  );
}

/** Every template file of a workspace, analysed, in template id order. */
export function analyzeTemplates(
  workspace: TemplateWorkspace,
  environment: TemplateEnvironment,
): TemplateAnalysis[] {
  const sends = templateSends(workspace);
  const settings = { environment, parameters: workspace.parameters };
  const analyses: TemplateAnalysis[] = [];
  for (const set of workspace.templates.values()) {
    const scope = templateScope(sends.get(set.id) ?? [], workspace);
    for (const file of [set.email, set.sms]) {
      if (file !== undefined)
        analyses.push(analyzeTemplate(file, scope, settings));
    }
  }
  return analyses;
}

/** The policy's time zone, which date helpers format in. */
export function workspaceTimeZone(
  workspace: Pick<Workspace, 'policy'>,
): TimeZone {
  const name = workspace.policy.timeZone;
  return new TimeZone(TimeZone.isKnown(name) ? name : defaultTimeZoneName);
}
