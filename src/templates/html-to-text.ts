/**
 * The plain-text version of an email's HTML: text without tags, links as
 * `text (url)`, a line break after every block. It runs once per template
 * on the compiled HTML, Handlebars expressions and all, so that rendering
 * the text version for a member costs no HTML parsing.
 */
export function htmlToText(html: string): string {
  const withoutHidden = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const withLinks = withoutHidden.replace(
    /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi,
    (_whole, attributes: string, content: string) =>
      linkText(attributes, content),
  );
  const withBreaks = withLinks
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|tr|table|h[1-6]|li|ul|ol)\s*>/gi, '\n');
  const text = decodeEntities(withBreaks.replace(/<[^>]*>/g, ''));
  return tidyLines(text);
}

/** A link as its text and its address: `Avregistrera dig (https://…)`. */
function linkText(attributes: string, content: string): string {
  const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  const url = decodeEntities(href?.[1] ?? href?.[2] ?? '').trim();
  const text = decodeEntities(content.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (url === '' || url.startsWith('#') || url === text) return text;
  return text === '' ? url : `${text} (${url})`;
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (whole, entity: string) => {
      if (!entity.startsWith('#'))
        return namedEntities[entity.toLowerCase()] ?? whole;
      const hex = entity[1] === 'x' || entity[1] === 'X';
      const code = parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/**
 * Trims every line, collapses spaces, keeps at most one blank line, and
 * none just inside a block (after `{{#each …}}`, around `{{else}}`, before
 * `{{/each}}`), so that the items of a list come out on lines of their own.
 */
function tidyLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim());
  const kept = lines.filter((line, index) => {
    if (line !== '') return true;
    const before = lines.slice(0, index).findLast((other) => other !== '');
    const after = lines.slice(index + 1).find((other) => other !== '');
    return !opensBlock(before) && !closesBlock(after);
  });
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line that is only `{{#…}}`, `{{^…}}` or `{{else…}}`. */
function opensBlock(line: string | undefined): boolean {
  return (
    line !== undefined && /^\{\{~?\s*(?:[#^]|else\b)[^{}]*\}\}$/.test(line)
  );
}

/** A line that is only `{{/…}}` or `{{else…}}`. */
function closesBlock(line: string | undefined): boolean {
  return line !== undefined && /^\{\{~?\s*(?:\/|else\b)[^{}]*\}\}$/.test(line);
}
