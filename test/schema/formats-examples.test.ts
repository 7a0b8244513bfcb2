import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isDocumentKind } from '../../src/schema/document-kind.js';
import { validateDocument } from '../../src/schema/validate-document.js';
import { parseYaml } from './yaml-locate.js';

const formats = readFileSync(
  new URL('../../docs/formats.md', import.meta.url),
  'utf8',
);

/** The ```yaml blocks of docs/formats.md that are whole documents. */
function documentExamples(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)];
  return blocks
    .map((match) => match[1] ?? '')
    .filter((block) => block.startsWith('kind:'));
}

describe('the examples in docs/formats.md', () => {
  const examples = documentExamples(formats);

  it('include one document of every kind', () => {
    const kinds = examples.map((text) => /^kind: (\w+)/.exec(text)?.[1]);
    expect(kinds).toEqual([
      'Model',
      'Parameters',
      'Segment',
      'Offer',
      'ContactPolicy',
      'Journey',
      'Fixture',
    ]);
  });

  it.each(examples.map((text) => [/^kind: (\w+)/.exec(text)?.[1], text]))(
    'the %s example is valid',
    (kind, text) => {
      const { value, locate } = parseYaml(text ?? '', 'docs/formats.md');
      if (kind === undefined || !isDocumentKind(kind)) {
        throw new Error(`not a kind: ${kind}`);
      }
      expect(validateDocument(kind, value, locate)).toEqual([]);
    },
  );
});
