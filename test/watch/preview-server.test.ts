import { request } from 'node:http';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostAllowed } from '../../src/preview/preview-server.js';
import { startWatch, type WatchSession } from '../../src/watch/index.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

/** Sends a request with the path exactly as given, unnormalised. */
function send(
  url: string,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `${hostname}:${port}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'],
            body,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

let folder: string;
let session: WatchSession;

beforeAll(async () => {
  folder = await copyWorkspace(minimalWorkspace);
  session = await startWatch({
    root: folder,
    port: 0,
    watch: false,
    population: false,
  });
});

afterAll(async () => {
  await session.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the preview server', () => {
  test('listens on 127.0.0.1 by default', () => {
    expect(new URL(session.url).hostname).toBe('127.0.0.1');
  });

  test.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/templates/..%2f..%2fpackage.json',
    '/templates/../../package.json',
    '/journeys/%2e%2e',
    '/journeys/winback/../../../../etc/passwd',
    '//etc/passwd',
    '/style.css/../package.json',
    '/templates/winback.mjml',
    '/journeys/winback.yaml',
    '/package.json',
  ])('%s is not found', async (path) => {
    const answer = await send(session.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('"name"');
  });

  test.each([
    ['/', 'Overview'],
    ['/journeys/winback', 'winback'],
    ['/templates', 'Messages'],
    ['/templates/winback', 'winback'],
    ['/fixtures/winback_and_basket', 'Fixture winback_and_basket'],
    ['/diagnostics', 'Diagnostics'],
    ['/pressure', 'Contact pressure'],
  ])('%s is a page', async (path, title) => {
    const answer = await send(session.url, path);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain(`<title>${title} · `);
  });

  test('an unknown id is a page that says so, with status 404', async () => {
    const answer = await send(session.url, '/journeys/nothing_here');
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('No journey &quot;nothing_here&quot;');
  });

  test('answers only GET and HEAD', async () => {
    expect((await send(session.url, '/', { method: 'POST' })).status).toBe(405);
    const head = await send(session.url, '/', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
  });

  test('refuses a request addressed to another host name', async () => {
    const { port } = new URL(session.url);
    const answer = await send(session.url, '/', {
      host: `attacker.example:${port}`,
    });
    expect(answer.status).toBe(421);
  });
});

describe('hostAllowed', () => {
  test.each([
    ['127.0.0.1', 'localhost:4173', true],
    ['127.0.0.1', '127.0.0.1:4173', true],
    ['127.0.0.1', '[::1]:4173', true],
    ['127.0.0.1', 'localhost:4174', false],
    ['127.0.0.1', 'preview.attacker.example:4173', false],
    ['127.0.0.1', undefined, false],
    ['0.0.0.0', 'preview.example:4173', true],
  ])('bound to %s, Host %s: %s', (bound, header, allowed) => {
    expect(hostAllowed(bound, 4173, header)).toBe(allowed);
  });
});
