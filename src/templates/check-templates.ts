import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { TimeZone, defaultTimeZoneName } from '../runtime/time-zone.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  analyzeTemplate,
  type AnalysisSettings,
  type TemplateAnalysis,
} from './analyze-template.js';
import {
  createTemplateEnvironment,
  type TemplateEnvironment,
} from './template-environment.js';
import { templateFingerprint } from './template-fingerprint.js';
import { templateScope, type TemplateScope } from './template-scope.js';
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
        analyses.push(analyzeOnce(file, scope, settings, workspace));
    }
  }
  return analyses;
}

/**
 * The last analysis of each template file object, by the fingerprint of
 * what it was analysed against. A build checks the workspace, then
 * compiles its templates, and the trigger package reads their subjects:
 * each asks for the same analyses, and the MJML validation in them is
 * among the slowest work of a build. Files read again are new objects, so
 * stale entries go with the files they belong to.
 */
const analysed = new WeakMap<
  TemplateFile,
  { readonly key: string; readonly analysis: TemplateAnalysis }
>();

function analyzeOnce(
  file: TemplateFile,
  scope: TemplateScope,
  settings: AnalysisSettings,
  workspace: TemplateWorkspace,
): TemplateAnalysis {
  const key = templateFingerprint(file, scope, workspace);
  const known = analysed.get(file);
  if (known?.key === key) return known.analysis;
  const analysis = analyzeTemplate(file, scope, settings);
  analysed.set(file, { key, analysis });
  return analysis;
}

/**
 * Time zones by the name a policy gives. A TimeZone costs an Intl formatter
 * and 1.3 MB of offset tables, filled as days are asked for; every check
 * and compile of a workspace's templates needs the same one.
 */
const timeZones = new Map<string, TimeZone>();

/** The policy's time zone, which date helpers format in. */
export function workspaceTimeZone(
  workspace: Pick<Workspace, 'policy'>,
): TimeZone {
  const name = workspace.policy.timeZone;
  let zone = timeZones.get(name);
  if (zone === undefined) {
    zone = new TimeZone(TimeZone.isKnown(name) ? name : defaultTimeZoneName);
    timeZones.set(name, zone);
  }
  return zone;
}
