/**
 * Markup that is already safe to put in a page: made by the `html` tag,
 * which escapes every value it is given unless that value is markup too.
 */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What the `html` tag accepts between its pieces. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for HTML content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? '');
}

/**
 * Builds markup from a template literal. Strings and numbers are escaped;
 * markup made by this tag is kept; arrays are joined; `false`, `null` and
 * `undefined` leave nothing, so that `${ok && html`...`}` reads naturally.
 * Everything from the workspace goes through here, so a journey name or a
 * template cannot inject markup into the preview.
 */
export function html(
  strings: TemplateStringsArray,
  ...values: readonly HtmlValue[]
): SafeHtml {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(text);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return 'true';
  return escapeHtml(String(value));
}
