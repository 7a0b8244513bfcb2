import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { SourceFile } from '../../src/diagnostics/source-file.js';
import { languageMessages } from '../../src/diagnostics/messages/language.js';
import {
  builtinFunctions,
  checkCondition,
  compileCondition,
  parseCondition,
} from '../../src/language/index.js';
import { embeddedText } from '../../src/loading/embedded-text.js';
import { exampleScope } from './example-scope.js';

/*
 * Every ```condition block of docs/language.md must parse, check against
 * the example scope and compile, so that the manual cannot drift from the
 * language.
 */

const path = 'docs/language.md';
const text = readFileSync(
  new URL('../../docs/language.md', import.meta.url),
  'utf8',
);
const file = new SourceFile(path, text);

const fence = '```condition\n';
const examples = [...text.matchAll(/```condition\n([\s\S]*?)```/g)].map(
  (match) => {
    const start = (match.index ?? 0) + fence.length;
    const body = match[1] ?? '';
    return {
      line: file.positionAt(start).line,
      source: embeddedText(file, body, start),
    };
  },
);

describe('docs/language.md', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples)('line $line is a valid condition', ({ source }) => {
    const parsed = parseCondition(source);
    const checked =
      parsed.expression === undefined
        ? []
        : checkCondition(parsed.expression, exampleScope, source).diagnostics;

    expect([...parsed.diagnostics, ...checked]).toEqual([]);
    expect(() => compileCondition(parsed.expression!)).not.toThrow();
  });

  it('documents every function', () => {
    const missing = [...builtinFunctions.keys()].filter(
      (name) => !text.includes(`\`${name}(`),
    );

    expect(missing).toEqual([]);
  });

  it('lists every diagnostic code', () => {
    const missing = Object.keys(languageMessages).filter(
      (code) => !text.includes(`| ${code} |`),
    );

    expect(missing).toEqual([]);
  });
});
