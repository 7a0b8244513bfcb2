import { createRequire } from 'node:module';
import { holdMjmlThread, runningMjmlThread } from './mjml-thread.js';

/*
 * The MJML library, typed for what Slinga uses of it. mjml ships no
 * TypeScript types. Its compile function is asynchronous, but `slinga check`
 * runs its checks synchronously; so the check uses MJML's own parser and
 * validator, which are synchronous, the very ones mjml2html runs. They are
 * loaded from where mjml itself resolves them, so they are always the
 * versions mjml uses.
 *
 * While an MJML thread runs (see mjml-thread.ts), the functions below hand
 * their work to it and this thread never loads MJML; otherwise they do it
 * here. Either way they give the same results.
 */

/** One finding of MJML's validator; `line` counts from 1 in its input. */
export interface MjmlError {
  readonly line: number;
  readonly message: string;
  readonly tagName: string;
}

/** A node of MJML's parsed document. */
export interface MjmlNode {
  readonly tagName: string;
}

interface MjmlComponent {
  readonly endingTag?: boolean;
  getTagName(): string;
}

interface MjmlOptions {
  readonly validationLevel: 'strict' | 'soft' | 'skip';
  readonly keepComments: boolean;
  readonly minify: boolean;
  readonly beautify: boolean;
  readonly ignoreIncludes: boolean;
}

type Mjml2Html = (
  input: string,
  options: MjmlOptions,
) => Promise<{ html: string; errors: readonly MjmlError[] }>;

type Parse = (xml: string, options: Record<string, unknown>) => MjmlNode;

type Validate = (
  root: MjmlNode,
  options: Record<string, unknown>,
) => MjmlError[];

interface MjmlLibrary {
  readonly mjml2html: Mjml2Html;
  readonly components: Record<string, MjmlComponent>;
  readonly initializeType: unknown;
  readonly parse: Parse;
  readonly validate: Validate;
  readonly dependencies: unknown;
  readonly endingTags: ReadonlySet<string>;
}

let loaded: MjmlLibrary | undefined;

/**
 * Loads MJML on first use. It is heavy (it brings juice and cheerio, most
 * of a second on a busy machine), so a workspace without email templates,
 * and every module that merely imports the checker, does without it.
 */
function library(): MjmlLibrary {
  if (loaded !== undefined) return loaded;
  const requireHere = createRequire(import.meta.url);
  const requireFromMjml = createRequire(requireHere.resolve('mjml'));
  // Loading mjml first registers its components and their rules.
  const mjml2html = requireHere('mjml') as Mjml2Html;
  const core = requireFromMjml('mjml-core') as {
    components: Record<string, MjmlComponent>;
    initializeType: unknown;
  };
  const validator = requireFromMjml('mjml-validator') as {
    default: Validate;
    dependencies: unknown;
  };
  loaded = {
    mjml2html,
    components: core.components,
    initializeType: core.initializeType,
    parse: requireFromMjml('mjml-parser-xml') as Parse,
    validate: validator.default,
    dependencies: validator.dependencies,
    endingTags: new Set(
      Object.values(core.components)
        .filter((component) => component.endingTag === true)
        .map((component) => component.getTagName()),
    ),
  };
  return loaded;
}

/** Components whose content MJML keeps as it is: mj-text, mj-button, … */
export function endingTags(): ReadonlySet<string> {
  return runningMjmlThread()?.endingTags() ?? endingTagsHere();
}

/**
 * Validates MJML as `validationLevel: 'strict'` does. Throws what MJML's
 * parser throws for text that is not MJML at all.
 */
export function validateMjml(source: string): MjmlError[] {
  return runningMjmlThread()?.validate(source) ?? validateMjmlHere(source);
}

/** Compiles MJML to HTML, rejecting it as strict validation does. */
export function renderMjml(source: string): Promise<string> {
  return runningMjmlThread()?.render(source) ?? renderMjmlHere(source);
}

/**
 * Runs MJML in a worker thread (see mjml-thread.ts) until the returned
 * function is called. Not when this thread has loaded MJML already: its
 * work is then quickest done here.
 */
export function useMjmlThread(): () => void {
  if (loaded !== undefined && runningMjmlThread() === undefined)
    return () => undefined;
  return holdMjmlThread({
    endingTags: endingTagsHere,
    validate: validateMjmlHere,
    render: renderMjmlHere,
  });
}

/** endingTags, on this thread. */
export function endingTagsHere(): ReadonlySet<string> {
  return library().endingTags;
}

/** validateMjml, on this thread. */
export function validateMjmlHere(source: string): MjmlError[] {
  const mjml = library();
  const root = mjml.parse(source, {
    components: mjml.components,
    keepComments: false,
    ignoreIncludes: true,
  });
  return mjml.validate(root, {
    components: mjml.components,
    dependencies: mjml.dependencies,
    initializeType: mjml.initializeType,
  });
}

/** renderMjml, on this thread. */
export async function renderMjmlHere(source: string): Promise<string> {
  const result = await library().mjml2html(source, {
    validationLevel: 'strict',
    keepComments: false,
    minify: false,
    beautify: false,
    ignoreIncludes: true,
  });
  return result.html;
}
