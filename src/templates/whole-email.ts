import { collectingData, partHelper } from './email-part-helper.js';
import type { RenderContext } from './render-context.js';
import {
  compileOptions,
  type TemplateEnvironment,
} from './template-environment.js';

/** The Handlebars sources of an email's four parts. */
export interface EmailSources {
  readonly subject: string;
  readonly preheader: string;
  readonly html: string;
  readonly text: string;
}

/** An email's four parts as rendered, in the order of EmailSources. */
export type RenderedParts = readonly [string, string, string, string];

/**
 * Renders all four parts of an email with one Handlebars call.
 *
 * Every call of a compiled Handlebars template first sets up its runtime:
 * it wraps each helper of the environment and builds the prototype access
 * rules, garbage included. That setup costs a few microseconds, as much as
 * rendering a short part, so an email rendered part by part paid it four
 * times. Here the four parts are parsed as Handlebars parses them on their
 * own, put as blocks of one template, and compiled once: each block's
 * output goes to a list instead of the page. The plain-text parts have their
 * `{{…}}` marked unescaped, which is exactly what `noEscape` does to them.
 *
 * The template is built on the first call, so that an error in a source
 * shows where Handlebars' own lazy compiling would show it: when rendering.
 * Sources that the merge cannot keep apart (a variable named like the part
 * helper, partials, decorators) are rendered part by part instead.
 */
export function wholeEmail(
  sources: EmailSources,
  environment: TemplateEnvironment,
  byPart: (context: RenderContext) => RenderedParts,
): (context: RenderContext) => RenderedParts {
  let render: ((context: RenderContext) => RenderedParts) | undefined;
  return (context) => {
    render ??= mergedRender(sources, environment) ?? byPart;
    return render(context);
  };
}

function mergedRender(
  sources: EmailSources,
  environment: TemplateEnvironment,
): ((context: RenderContext) => RenderedParts) | undefined {
  // Parsed one by one, the parts get the whitespace handling of templates
  // of their own: standalone lines and `~` apply within each part only.
  const parts = [
    environment.parse(sources.subject),
    environment.parse(sources.preheader),
    environment.parse(sources.html),
    environment.parse(sources.text),
  ];
  if (!parts.every(mergeable)) return undefined;
  for (const index of [0, 1, 3]) markUnescaped(parts[index]);

  const skeleton = environment.parse(
    `{{#${partHelper}}}{{/${partHelper}}}`.repeat(parts.length),
  );
  skeleton.body.forEach((block, index) => {
    const part = parts[index];
    if (block.type === 'BlockStatement' && part !== undefined)
      (block as hbs.AST.BlockStatement).program = part;
  });
  const options = compileOptions(true);
  const template = environment.compile(skeleton, {
    ...options,
    knownHelpers: { ...options.knownHelpers, [partHelper]: true },
    // The parts' whitespace was handled when they were parsed; compiling
    // parses the tree once more, and must not find standalone lines anew
    // at the edges of the blocks. (`~` stripping again changes nothing.)
    ignoreStandalone: true,
  });
  return (context) => {
    const found: string[] = [];
    template(context, { data: collectingData(context, found) });
    const [subject = '', preheader = '', html = '', text = ''] = found;
    return [subject, preheader, html, text];
  };
}

/** A node of a Handlebars syntax tree, walked without knowing its kind. */
interface SyntaxNode {
  readonly type: string;
  [key: string]: unknown;
}

function isNode(value: unknown): value is SyntaxNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** Every node of a tree, the root included; locations are not nodes. */
function* nodes(root: unknown): Generator<SyntaxNode> {
  if (!isNode(root)) return;
  yield root;
  for (const [key, value] of Object.entries(root)) {
    if (key === 'loc') continue;
    for (const child of Array.isArray(value) ? value : [value])
      yield* nodes(child);
  }
}

/** Whether a part can be a block of the merged template unchanged. */
function mergeable(part: hbs.AST.Program): boolean {
  for (const node of nodes(part)) {
    if (/Partial|Decorator/.test(node.type)) return false;
    const parts = node['parts'];
    if (
      node.type === 'PathExpression' &&
      Array.isArray(parts) &&
      parts[0] === partHelper
    )
      return false;
  }
  return true;
}

/** Marks every `{{…}}` of a plain-text part as `{{{…}}}`. */
function markUnescaped(part: hbs.AST.Program | undefined): void {
  for (const node of nodes(part))
    if (node.type === 'MustacheStatement') node['escaped'] = false;
}
