import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import { embeddedText, type EmbeddedText } from '../loading/embedded-text.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { scalarText } from '../loading/scalar-text.js';

/** A template file split into its front matter values and its body. */
export interface ParsedTemplate {
  readonly template: TemplateFile;
  readonly subject: EmbeddedText | undefined;
  readonly preheader: EmbeddedText | undefined;
  /** The MJML of an email, the text of an SMS. */
  readonly body: EmbeddedText;
  /** False when the front matter is so broken that the body is unknown. */
  readonly complete: boolean;
}

const frontMatterKeys = ['subject', 'preheader'];

const fenceLine = /^---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a template file. An email starts with front matter between two
 * `---` lines (`subject:` and `preheader:`, YAML strings); an SMS has none.
 */
export function parseTemplateFile(
  template: TemplateFile,
  diagnostics: Diagnostic[],
): ParsedTemplate {
  const { file } = template;
  const opening = fenceLine.exec(file.text);
  if (opening === null) {
    if (template.channel === 'email')
      diagnostics.push(report('SL803', file.span(0, 0)));
    return whole(template, bodyText(template, 0));
  }
  if (template.channel === 'sms') {
    diagnostics.push(report('SL804', file.span(0, 3)));
    return whole(template, bodyText(template, 0));
  }

  const closing = closingFence(file.text, opening[0].length);
  if (closing === undefined) {
    const detail = 'it is not closed by a line "---".';
    diagnostics.push(report('SL800', file.span(0, 3), { detail }));
    return { ...whole(template, bodyText(template, 0)), complete: false };
  }
  const values = frontMatterValues(file, closing.start, diagnostics);
  if (values.subject === undefined && values.complete)
    diagnostics.push(report('SL803', file.span(0, 3)));
  return {
    template,
    subject: values.subject,
    preheader: values.preheader,
    body: bodyText(template, closing.end),
    complete: values.complete,
  };
}

/**
 * The front matter of a template file as written, fences included: the
 * whole file when it is not closed, nothing for an SMS or a file without.
 * What a template's subject and preheader come from, and nothing else.
 */
export function frontMatterText(template: TemplateFile): string {
  const { text } = template.file;
  const opening = fenceLine.exec(text);
  if (opening === null || template.channel === 'sms') return '';
  const closing = closingFence(text, opening[0].length);
  return text.slice(0, closing?.end);
}

function whole(template: TemplateFile, body: EmbeddedText): ParsedTemplate {
  return {
    template,
    subject: undefined,
    preheader: undefined,
    body,
    complete: true,
  };
}

/** The body from an offset; an SMS loses its final line breaks. */
function bodyText(template: TemplateFile, start: number): EmbeddedText {
  const text = template.file.text.slice(start);
  const body =
    template.channel === 'sms' ? text.replace(/(?:\r?\n)+$/, '') : text;
  return embeddedText(template.file, body, start);
}

/** Where the closing `---` line starts and where the line after it starts. */
function closingFence(
  text: string,
  from: number,
): { start: number; end: number } | undefined {
  let lineStart = from;
  while (lineStart < text.length) {
    const match = fenceLine.exec(text.slice(lineStart, lineStart + 64));
    if (match !== null)
      return { start: lineStart, end: lineStart + match[0].length };
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return undefined;
    lineStart = next + 1;
  }
  return undefined;
}

interface FrontMatterValues {
  subject?: EmbeddedText;
  preheader?: EmbeddedText;
  complete: boolean;
}

/**
 * Reads the front matter as YAML. The text handed to the parser is the file
 * from its start, so that every YAML position is a file offset.
 */
function frontMatterValues(
  file: SourceFile,
  end: number,
  diagnostics: Diagnostic[],
): FrontMatterValues {
  const document = parseDocument(file.text.slice(0, end), {
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const detail = error.message.split('\n')[0] ?? error.message;
      const span = file.span(error.pos[0], error.pos[1]);
      diagnostics.push(report('SL800', span, { detail }));
    }
    return { complete: false };
  }
  const contents = document.contents;
  if (contents === null) return { complete: true };
  if (!isMap(contents)) {
    const detail = 'it must be keys with string values.';
    const span = nodeSpan(file, contents as Node);
    diagnostics.push(report('SL800', span, { detail }));
    return { complete: false };
  }

  const values: FrontMatterValues = { complete: true };
  for (const pair of contents.items) readPair(file, pair, values, diagnostics);
  return values;
}

function readPair(
  file: SourceFile,
  pair: Pair,
  values: FrontMatterValues,
  diagnostics: Diagnostic[],
): void {
  const key = pair.key as Node | null;
  const name = isScalar(key) ? String(key.value) : '';
  const keySpan = key === null ? file.span(0, 0) : nodeSpan(file, key);
  if (!frontMatterKeys.includes(name)) {
    const suggestion = didYouMean(name, frontMatterKeys);
    diagnostics.push(report('SL801', keySpan, { key: name, suggestion }));
    return;
  }

  const value = pair.value as Node | null;
  if (!isScalar(value) || typeof value.value !== 'string') {
    const span = value === null ? keySpan : nodeSpan(file, value);
    diagnostics.push(report('SL802', span, { key: name }));
    return;
  }
  values[name as 'subject' | 'preheader'] = scalarText(value, file);
}

function nodeSpan(
  file: SourceFile,
  node: Node,
): ReturnType<SourceFile['span']> {
  const start = node.range?.[0] ?? 0;
  return file.span(start, node.range?.[1] ?? start);
}
