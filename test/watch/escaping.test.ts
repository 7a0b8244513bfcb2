import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { escapeHtml, html } from '../../src/preview/html.js';
import { startWatch } from '../../src/watch/index.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

describe('html', () => {
  test.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", 'it&#39;s'],
    ['plain', 'plain'],
  ])('escapes %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
    expect(html`<p title="${text}">${text}</p>`.text).toBe(
      `<p title="${escaped}">${escaped}</p>`,
    );
  });

  test('keeps markup made by the tag, joins lists, drops false and nothing', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    // Called by another name, so that Prettier leaves the markup as written.
    const markup = html;
    expect(markup`<ul>${items}</ul>${false}${undefined}${null}${3}`.text).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>3',
    );
  });
});

describe('the pages', () => {
  test('escape what comes from the workspace', async () => {
    const journey = await readFile(
      path.join(minimalWorkspace, 'journeys/winback.yaml'),
      'utf8',
    );
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/winback.yaml': journey.replace(
        'category: lifecycle',
        'name: "<img src=x onerror=alert(1)>"\ncategory: lifecycle',
      ),
    });
    const session = await startWatch({
      root: folder,
      port: 0,
      watch: false,
      population: false,
    });
    try {
      for (const page of ['/', '/journeys/winback']) {
        const body = await (await fetch(session.url + page)).text();
        expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(body).not.toContain('<img src=x');
      }
    } finally {
      await session.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
