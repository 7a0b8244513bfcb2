import { report } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EmbeddedText } from '../loading/embedded-text.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import type { Parameter } from '../workspace/workspace.js';
import { checkProgram } from './check-handlebars.js';
import { checkMjml } from './check-mjml.js';
import { checkSmsText } from './check-sms.js';
import { topContext, type CheckState } from './check-state.js';
import { TemplateText, type Program } from './handlebars-syntax.js';
import { parseHandlebars } from './parse-handlebars.js';
import { parseTemplateFile } from './parse-template-file.js';
import { sampleContext } from './sample-context.js';
import type { SmsMeasure } from './sms-encoding.js';
import {
  compileOptions,
  type TemplateEnvironment,
} from './template-environment.js';
import { datetimeHelper } from './template-helpers.js';
import type { TemplateScope } from './template-scope.js';

/** One checked part of a template: the subject, the preheader or the body. */
export interface CheckedPart {
  readonly text: TemplateText;
  readonly program: Program | undefined;
  /** The text to compile: `format_date` of a datetime renamed. */
  readonly runtimeSource: string;
  readonly showsUnsubscribe: boolean;
  /** Whether checking found errors in this part. */
  readonly failed: boolean;
}

/** A template file, checked against the scope of its sends. */
export interface TemplateAnalysis {
  readonly template: TemplateFile;
  readonly scope: TemplateScope;
  readonly subject: CheckedPart | undefined;
  readonly preheader: CheckedPart | undefined;
  readonly body: CheckedPart | undefined;
  /** The SMS rendered with sample values, measured. */
  readonly sms: SmsMeasure | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** What analysing a template needs besides the template. */
export interface AnalysisSettings {
  readonly environment: TemplateEnvironment;
  /** The parameters, whose values the sample context uses. */
  readonly parameters: ReadonlyMap<string, Parameter>;
}

/** Parses and checks one template file. */
export function analyzeTemplate(
  template: TemplateFile,
  scope: TemplateScope,
  settings: AnalysisSettings,
): TemplateAnalysis {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseTemplateFile(template, diagnostics);
  const email = template.channel === 'email';
  const part = (
    source: EmbeddedText | undefined,
    html: boolean,
  ): CheckedPart | undefined =>
    parsed.complete && source !== undefined
      ? checkPart(source, scope, html, diagnostics)
      : undefined;

  const subject = part(parsed.subject, false);
  const preheader = part(parsed.preheader, email);
  const body = part(parsed.body, email);
  if (email && body !== undefined) checkEmailBody(body, scope, diagnostics);
  const sms =
    !email && body !== undefined && !body.failed
      ? measureSample(template, body, scope, settings, diagnostics)
      : undefined;
  return { template, scope, subject, preheader, body, sms, diagnostics };
}

function checkPart(
  source: EmbeddedText,
  scope: TemplateScope,
  html: boolean,
  diagnostics: Diagnostic[],
): CheckedPart {
  const text = new TemplateText(source);
  const found: Diagnostic[] = [];
  const program = parseHandlebars(text, found);
  const state: CheckState = {
    text,
    scope,
    html,
    diagnostics: found,
    datetimeCalls: [],
    showsUnsubscribe: false,
  };
  checkProgram(program, topContext(scope), state);
  diagnostics.push(...found);
  return {
    text,
    program,
    runtimeSource: renameDatetimeCalls(source.text, state.datetimeCalls),
    showsUnsubscribe: state.showsUnsubscribe,
    failed: hasErrors(found),
  };
}

/** The unsubscribe link of marketing email, and the MJML. */
function checkEmailBody(
  body: CheckedPart,
  scope: TemplateScope,
  diagnostics: Diagnostic[],
): void {
  const sender = scope.marketingSender;
  if (
    sender !== undefined &&
    !body.showsUnsubscribe &&
    body.program !== undefined
  )
    diagnostics.push(report('SL843', body.text.rangeSpan(0, 0), { sender }));
  checkMjml(body.text, diagnostics);
}

/** Renders an SMS with sample values and measures it. */
function measureSample(
  template: TemplateFile,
  body: CheckedPart,
  scope: TemplateScope,
  settings: AnalysisSettings,
  diagnostics: Diagnostic[],
): SmsMeasure | undefined {
  const options = compileOptions(false);
  const render = settings.environment.compile(body.runtimeSource, options);
  const sample = sampleContext(scope, settings.parameters);
  return checkSmsText(template, render, sample, diagnostics);
}

/** Renames `format_date` at the given offsets to the datetime helper. */
function renameDatetimeCalls(text: string, offsets: readonly number[]): string {
  const helper = 'format_date';
  let renamed = text;
  for (const offset of [...offsets].sort((a, b) => b - a)) {
    if (renamed.startsWith(helper, offset))
      renamed =
        renamed.slice(0, offset) +
        datetimeHelper +
        renamed.slice(offset + helper.length);
  }
  return renamed;
}
