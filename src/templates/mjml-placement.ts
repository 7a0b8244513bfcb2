import { endingTags } from './mjml-library.js';

/** A range of text offsets. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The MJML to compile, and the expressions MJML would drop. */
export interface PlacedMjml {
  /** The source with block tags between components wrapped in mj-raw. */
  readonly text: string;
  /** Expressions between components that are not block tags. */
  readonly dropped: readonly TextRange[];
  /** Expressions in the content of ending tags, which MJML keeps verbatim. */
  readonly kept: readonly TextRange[];
}

/**
 * Prepares an MJML template with Handlebars in it for MJML. MJML keeps the
 * content of mj-text, mj-button, mj-raw and the other ending tags, and
 * attribute values, as they are; text between components it drops. So a
 * block tag such as `{{#each …}}` between two mj-text elements is wrapped in
 * `<mj-raw>`, which MJML copies into the HTML where it stands; any other
 * expression there would be lost and is reported. The wrapping adds no line
 * breaks, so MJML's line numbers stay those of the file.
 */
export function placeHandlebars(source: string): PlacedMjml {
  const contentTags = endingTags();
  const dropped: TextRange[] = [];
  const kept: TextRange[] = [];
  let text = '';
  let copied = 0;
  let index = 0;
  while (index < source.length) {
    if (source.startsWith('<!--', index)) {
      index = after(source, '-->', index + 4);
    } else if (
      source[index] === '<' &&
      /[A-Za-z/]/.test(source[index + 1] ?? '')
    ) {
      const tag = readTag(source, index, contentTags);
      index = tag.end;
      if (tag.opensContent) {
        const close = source.indexOf(`</${tag.name}`, index);
        const end = close < 0 ? source.length : close;
        kept.push(...expressionsIn(source, index, end));
        index = end;
      }
    } else if (source.startsWith('{{', index)) {
      const end = after(source, '}}', index + 2);
      const expression = source.slice(index, end);
      if (isBlockTag(expression)) {
        text += `${source.slice(copied, index)}<mj-raw>${expression}</mj-raw>`;
        copied = end;
      } else if (!expression.startsWith('{{!')) {
        dropped.push({ start: index, end });
      }
      index = end;
    } else {
      index++;
    }
  }
  return { text: text + source.slice(copied), dropped, kept };
}

/** The offset just after the next `marker`, or the end of the text. */
function after(source: string, marker: string, from: number): number {
  const found = source.indexOf(marker, from);
  if (found < 0) return source.length;
  let end = found + marker.length;
  while (marker === '}}' && source[end] === '}') end++;
  return end;
}

interface Tag {
  readonly name: string;
  /** Offset just after the tag's `>`. */
  readonly end: number;
  /** An opening ending tag, whose content MJML keeps verbatim. */
  readonly opensContent: boolean;
}

/** Reads an opening or closing tag, skipping quoted attribute values. */
function readTag(
  source: string,
  start: number,
  contentTags: ReadonlySet<string>,
): Tag {
  const closing = source[start + 1] === '/';
  const name =
    /^[A-Za-z][\w:-]*/.exec(source.slice(start + (closing ? 2 : 1)))?.[0] ?? '';
  let quote: string | undefined;
  let index = start + 1;
  for (; index < source.length; index++) {
    const character = source[index];
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      break;
    }
  }
  const selfClosing = source[index - 1] === '/';
  const opensContent = !closing && !selfClosing && contentTags.has(name);
  return { name, end: Math.min(index + 1, source.length), opensContent };
}

/** The Handlebars expressions within a range. */
function expressionsIn(
  source: string,
  start: number,
  end: number,
): TextRange[] {
  const ranges: TextRange[] = [];
  let index = source.indexOf('{{', start);
  while (index >= 0 && index < end) {
    const close = after(source, '}}', index + 2);
    if (!source.startsWith('{{!', index))
      ranges.push({ start: index, end: close });
    index = source.indexOf('{{', close);
  }
  return ranges;
}

/** `{{#…}}`, `{{/…}}`, `{{^…}}`, `{{else…}}`, with `~` or without. */
function isBlockTag(expression: string): boolean {
  const inner = expression.replace(/^\{\{~?\s*/, '');
  return /^[#/^]/.test(inner) || /^else\b/.test(inner);
}
