import type { TemplateFile } from '../loading/loaded-document.js';
import { channels, type TemplateSet } from '../workspace/workspace.js';
import type { Location, Side } from './location.js';
import {
  changedItem,
  compareById,
  DetailList,
  onlyOneSide,
  type SemanticChange,
} from './semantic-change.js';

/**
 * Templates added, removed or edited, per channel. An email's subject and
 * preheader are shown before and after; its body only as changed, with the
 * first line that differs. An SMS is short, so its text is shown.
 */
export function diffTemplates(
  base: ReadonlyMap<string, TemplateSet>,
  head: ReadonlyMap<string, TemplateSet>,
): SemanticChange[] {
  return compareById(
    base,
    head,
    (id, before, after) => {
      const details = new DetailList();
      for (const channel of channels)
        diffFile(before[channel], after[channel], details);
      const first = details.details[0]?.location ?? null;
      return changedItem('template', id, details.details, first);
    },
    (id, set, change) => {
      const files = channels.flatMap((channel) => set[channel] ?? []);
      const side = change === 'added' ? 'head' : 'base';
      const first = files[0];
      return onlyOneSide(
        'template',
        id,
        change,
        files.map((file) => file.channel).join(', '),
        first === undefined ? null : lineOf(side, first, 1),
      );
    },
  );
}

function diffFile(
  before: TemplateFile | undefined,
  after: TemplateFile | undefined,
  details: DetailList,
): void {
  if (before === undefined || after === undefined) {
    const file = after ?? before;
    if (file === undefined) return;
    const location = lineOf(after === undefined ? 'base' : 'head', file, 1);
    details.compare(
      file.channel,
      before?.file.path ?? null,
      after?.file.path ?? null,
      location,
    );
    return;
  }
  if (before.file.text === after.file.text) return;
  if (after.channel === 'sms') {
    const location = firstDifference(before, after);
    details.compare('sms text', smsText(before), smsText(after), location);
    return;
  }
  diffEmail(before, after, details);
}

function diffEmail(
  before: TemplateFile,
  after: TemplateFile,
  details: DetailList,
): void {
  const a = splitEmail(before.file.text);
  const b = splitEmail(after.file.text);
  for (const key of ['subject', 'preheader'] as const) {
    const line = b.lines.get(key);
    details.compare(
      `email ${key}`,
      a.values.get(key) ?? null,
      b.values.get(key) ?? null,
      line === undefined ? null : lineOf('head', after, line),
    );
  }
  if (a.body !== b.body) {
    details.add({
      change: 'changed',
      what: 'email body',
      before: null,
      after: null,
      location: lineOf(
        'head',
        after,
        b.bodyLine + firstDifferentLine(a.body, b.body),
      ),
    });
  }
}

/** The front matter values of an email, their lines, and the body. */
function splitEmail(text: string): {
  values: Map<string, string>;
  lines: Map<string, number>;
  body: string;
  /** The line the body starts on. */
  bodyLine: number;
} {
  const lines = text.split(/\r?\n/);
  const values = new Map<string, string>();
  const numbers = new Map<string, number>();
  if (lines[0]?.trim() !== '---')
    return { values, lines: numbers, body: text, bodyLine: 1 };
  let index = 1;
  for (; index < lines.length && lines[index]?.trim() !== '---'; index++) {
    const match = /^(\w+)\s*:\s*(.*)$/.exec(lines[index] ?? '');
    if (match?.[1] === undefined) continue;
    values.set(match[1], match[2]?.trim() ?? '');
    numbers.set(match[1], index + 1);
  }
  return {
    values,
    lines: numbers,
    body: lines.slice(index + 1).join('\n'),
    bodyLine: index + 2,
  };
}

function smsText(template: TemplateFile): string {
  return template.file.text.trim();
}

/** The first line of the head file that differs from the base file. */
function firstDifference(before: TemplateFile, after: TemplateFile): Location {
  const line = firstDifferentLine(before.file.text, after.file.text);
  return lineOf('head', after, line + 1);
}

/** The 0-based index of the first line of `after` that `before` lacks. */
function firstDifferentLine(before: string, after: string): number {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let index = 0;
  while (index < b.length - 1 && a[index] === b[index]) index++;
  return index;
}

function lineOf(side: Side, template: TemplateFile, line: number): Location {
  return { side, file: template.file.path, line };
}
