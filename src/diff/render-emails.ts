import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderContext } from '../templates/render-context.js';
import type { Workspace } from '../workspace/workspace.js';
import { sampleRenderContext } from './sample-render-context.js';
import { byText } from './semantic-change.js';
import { firstLine, pngPath, takeScreenshots } from './take-screenshots.js';
import { errorMessage } from '../support/error-message.js';

/** The files written for one changed email, per side. */
export interface RenderedEmail {
  readonly template: string;
  /** Paths of the base version: its HTML, then a PNG screenshot if taken. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Emails whose source changed, and what could be rendered of them. */
export interface EmailRendering {
  /** Ids of the email templates whose file changed, was added or removed. */
  readonly changed: readonly string[];
  readonly status: 'unchanged' | 'rendered' | 'skipped';
  /** Why rendering or screenshots were skipped, or a template failed. */
  readonly note: string | null;
  readonly emails: readonly RenderedEmail[];
}

/** Where to write, and the browser to take screenshots with. */
export interface RenderOptions {
  readonly out: string;
  /** Default /usr/bin/chromium; screenshots are skipped if it is missing. */
  readonly browser?: string;
  /** Local day number the sample member and offer are made for. */
  readonly startDay: number;
}

type HtmlRenderer = (id: string, context: RenderContext) => string | undefined;

/**
 * Renders each changed email before and after with a sample member, saves
 * the HTML and, when a Chromium and playwright-core are there, a
 * screenshot of each. Every part that is missing is skipped with a note.
 */
export async function renderChangedEmails(
  base: Workspace,
  head: Workspace,
  options: RenderOptions,
): Promise<EmailRendering> {
  const changed = changedEmails(base, head);
  if (changed.length === 0)
    return { changed, status: 'unchanged', note: null, emails: [] };
  const [before, after] = await Promise.all([
    loadRenderer(base, changed),
    loadRenderer(head, changed),
  ]);
  if (typeof before === 'string' || typeof after === 'string') {
    const note = typeof before === 'string' ? before : String(after);
    return { changed, status: 'skipped', note, emails: [] };
  }

  try {
    await mkdir(options.out, { recursive: true });
  } catch (error) {
    // A file in the way, or a folder we may not write to.
    const detail = errorMessage(error);
    const note = `cannot save the rendered emails in ${options.out}: ${detail}`;
    return { changed, status: 'skipped', note, emails: [] };
  }
  const notes: string[] = [];
  const write = async (
    render: HtmlRenderer,
    side: Workspace,
    id: string,
    name: 'before' | 'after',
  ): Promise<string[]> => {
    const context = sampleRenderContext(head, side, id, options.startDay);
    const html = renderSafely(render, id, context, notes);
    if (html === undefined) return [];
    const file = path.join(options.out, `${id}.${name}.html`);
    await writeFile(file, html);
    return [file];
  };
  const emails: RenderedEmail[] = [];
  for (const id of changed) {
    emails.push({
      template: id,
      before: await write(before, base, id, 'before'),
      after: await write(after, head, id, 'after'),
    });
  }

  const html = emails.flatMap((email) => [...email.before, ...email.after]);
  const shots = await takeScreenshots(html, options.browser);
  if (shots !== null) notes.push(shots);
  return {
    changed,
    status: 'rendered',
    note: notes.length === 0 ? null : notes.join('; '),
    emails: shots === null ? emails.map(withScreenshots) : emails,
  };
}

/** Email templates whose text differs, or that are on one side only. */
export function changedEmails(base: Workspace, head: Workspace): string[] {
  const ids = new Set([...base.templates.keys(), ...head.templates.keys()]);
  return [...ids]
    .filter((id) => {
      const before = base.templates.get(id)?.email?.file.text;
      const after = head.templates.get(id)?.email?.file.text;
      return before !== after;
    })
    .sort(byText);
}

/**
 * The template compiler, loaded when the program runs: it is an optional
 * part of Slinga. Only the changed templates are compiled, since MJML is
 * slow. Returns why rendering is not available otherwise.
 */
async function loadRenderer(
  workspace: Workspace,
  ids: readonly string[],
): Promise<HtmlRenderer | string> {
  const missing =
    'template rendering is not available (src/templates/index.ts has no compileTemplates)';
  try {
    const url = new URL('../templates/index.js', import.meta.url).href;
    const module = (await import(url)) as Record<string, unknown>;
    const compile = module['compileTemplates'];
    if (typeof compile !== 'function') return missing;
    const templates = new Map(
      [...workspace.templates].filter(([id]) => ids.includes(id)),
    );
    const result: unknown = await (compile as (w: Workspace) => unknown)({
      ...workspace,
      templates,
    });
    const compiled = templateMap(result);
    if (compiled === undefined) return missing;
    return (id, context) => compiled.get(id)?.email?.html(context);
  } catch (error) {
    return `template rendering failed: ${firstLine(error)}`;
  }
}

interface CompiledLike {
  readonly email?: { html(context: RenderContext): string };
}

/** compileTemplates' result (`{ templates, diagnostics }`), or its Map. */
function templateMap(
  result: unknown,
): ReadonlyMap<string, CompiledLike> | undefined {
  if (result instanceof Map) return result as Map<string, CompiledLike>;
  if (typeof result === 'object' && result !== null && 'templates' in result)
    return templateMap(result.templates);
  return undefined;
}

/** Renders, noting a template that throws instead of failing the diff. */
function renderSafely(
  render: HtmlRenderer,
  id: string,
  context: RenderContext,
  notes: string[],
): string | undefined {
  try {
    return render(id, context);
  } catch (error) {
    notes.push(`${id} did not render: ${firstLine(error)}`);
    return undefined;
  }
}

function withScreenshots(email: RenderedEmail): RenderedEmail {
  return {
    template: email.template,
    before: [...email.before, ...email.before.map(pngPath)],
    after: [...email.after, ...email.after.map(pngPath)],
  };
}
