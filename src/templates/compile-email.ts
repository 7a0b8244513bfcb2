import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedPart } from './analyze-template.js';
import { errorSpan } from './check-mjml.js';
import type { CompiledEmail, RenderedEmail } from './compiled-template.js';
import { htmlToText } from './html-to-text.js';
import { renderMjml, type MjmlError } from './mjml-library.js';
import { placeHandlebars, type PlacedMjml } from './mjml-placement.js';
import type { RenderContext } from './render-context.js';
import {
  compileOptions,
  type TemplateEnvironment,
} from './template-environment.js';
import { wholeEmail, type EmailSources } from './whole-email.js';
import { errorMessage } from '../support/error-message.js';

/** The parts of a checked email template. */
export interface EmailParts {
  readonly subject: CheckedPart | undefined;
  readonly preheader: CheckedPart | undefined;
  readonly body: CheckedPart;
}

/**
 * Compiles an email template once, for rendering per member.
 *
 * MJML runs once, on the template itself: Handlebars expressions pass
 * through MJML as text (block tags between components wrapped in mj-raw, see
 * mjml-placement.ts), and the HTML that comes out, expressions and all, is
 * compiled with Handlebars. Rendering a member is then one Handlebars call,
 * with no MJML. The text version is made the same way, once, from that HTML.
 * Each part can be rendered alone; `render` makes all four in one call.
 */
export async function compileEmail(
  parts: EmailParts,
  environment: TemplateEnvironment,
  diagnostics: Diagnostic[],
  mjml: Promise<MjmlOutcome> = startMjml(parts.body),
): Promise<Omit<CompiledEmail, 'sample'> | undefined> {
  const html = mjmlHtml(parts.body, await mjml, diagnostics);
  if (html === undefined) return undefined;

  const plain = compileOptions(false);
  const preheaderSource = parts.preheader?.runtimeSource ?? '';
  const subject = environment.compile(
    parts.subject?.runtimeSource ?? '',
    plain,
  );
  const preheader = environment.compile(preheaderSource, plain);
  const pageSource = withPreview(html, preheaderSource);
  const page = environment.compile(pageSource, compileOptions(true));
  const textSource = htmlToText(html);
  const text = environment.compile(textSource, plain);
  const sources: EmailSources = {
    subject: parts.subject?.runtimeSource ?? '',
    preheader: preheaderSource,
    html: pageSource,
    text: textSource,
  };
  const whole = wholeEmail(sources, environment, (context) => [
    subject(context),
    preheader(context),
    page(context),
    text(context),
  ]);
  return {
    sources,
    render: (context): RenderedEmail => {
      const [subject, preheader, html, text] = whole(context);
      return { subject, preheader, html, text: tidyText(text) };
    },
    subject: (context) => subject(context),
    preheader: (context) => preheader(context),
    html: (context) => page(context),
    text: (context) => tidyText(text(context)),
  };
}

/**
 * The rendered text version, tidied. Blocks that render nothing leave their
 * lines empty: at most one blank line remains, as in the text made at
 * compile time. Most renders have none to remove, and looking for three
 * line breaks costs less than a regular expression's pass.
 */
function tidyText(text: string): string {
  const tidied = text.includes('\n\n\n')
    ? text.replace(/\n{3,}/g, '\n\n')
    : text;
  return tidied.trim();
}

/** An email body through MJML: its HTML, or what MJML threw. */
export interface MjmlOutcome {
  readonly placed: PlacedMjml;
  readonly html?: string;
  readonly error?: unknown;
}

/**
 * Starts compiling an email body's MJML. Compiling a workspace's templates
 * starts them all before waiting for any: in an MJML thread (see
 * mjml-thread.ts) they then run while this thread does other work.
 */
export function startMjml(body: CheckedPart): Promise<MjmlOutcome> {
  const placed = placeHandlebars(body.runtimeSource);
  return renderMjml(placed.text).then(
    (html) => ({ placed, html }),
    (error: unknown) => ({ placed, error }),
  );
}

/** The body's MJML as HTML, with its Handlebars expressions intact. */
function mjmlHtml(
  body: CheckedPart,
  outcome: MjmlOutcome,
  diagnostics: Diagnostic[],
): string | undefined {
  const { html } = outcome;
  if (html === undefined) {
    diagnostics.push(...mjmlDiagnostics(body, outcome.error));
    return undefined;
  }
  const source = body.runtimeSource;
  const changed = outcome.placed.kept.filter(
    (range) => !html.includes(source.slice(range.start, range.end)),
  );
  for (const range of changed) {
    const offset = originalOffset(body, range.start);
    diagnostics.push(report('SL842', body.text.rangeSpan(offset, offset)));
  }
  return changed.length === 0 ? html : undefined;
}

function mjmlDiagnostics(body: CheckedPart, error: unknown): Diagnostic[] {
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return (errors as MjmlError[]).map((found) =>
      report('SL840', errorSpan(body.text, found), { detail: found.message }),
    );
  }
  const detail = errorMessage(error);
  return [report('SL840', body.text.rangeSpan(0, 0), { detail })];
}

/**
 * The offset in the checked text of an offset in the compiled text. Renames
 * add no line breaks, so the line is the same; the column may be a few
 * characters off after a renamed helper on the same line.
 */
function originalOffset(body: CheckedPart, offset: number): number {
  const before = body.runtimeSource.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return body.text.offset(line, column);
}

/**
 * The HTML with the preheader as hidden preview text right after <body>,
 * where mail clients take their preview line from. The preheader's source
 * goes into the HTML template itself, its text HTML-escaped now and its
 * values by Handlebars, so that rendering an email stays one template call.
 */
function withPreview(html: string, preheader: string): string {
  const preview =
    '<div style="display:none;font-size:1px;line-height:1px;max-height:0px;' +
    `max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">${escapeText(preheader)}</div>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (body === null) return preview + html;
  const end = body.index + body[0].length;
  return html.slice(0, end) + preview + html.slice(end);
}

/** Escapes the text of a template for HTML, leaving its expressions. */
function escapeText(source: string): string {
  return source
    .split(/(\{\{[\s\S]*?\}\}\}?)/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;'),
    )
    .join('');
}

/** Renders once with sample values, so that Handlebars compiles now. */
export function tryRender(
  render: (context: RenderContext) => string,
  sample: RenderContext,
  at: CheckedPart,
  diagnostics: Diagnostic[],
): boolean {
  try {
    render(sample);
    return true;
  } catch (error) {
    const detail = errorMessage(error);
    diagnostics.push(report('SL844', at.text.rangeSpan(0, 0), { detail }));
    return false;
  }
}
