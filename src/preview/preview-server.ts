import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from './client-script.js';
import { errorMessage } from '../support/error-message.js';

/** A generated page or asset. */
export interface PageResponse {
  readonly status: number;
  /** The media type, with its charset. */
  readonly type: string;
  readonly body: string;
}

/**
 * Makes the response for a path and query, from memory; undefined when
 * there is no such page. It never sees the file system: a path is a name
 * in a table, so no path can reach a file.
 */
export type PageHandler = (
  pathname: string,
  query: URLSearchParams,
) => PageResponse | undefined;

/** A message on the `/events` stream. */
export interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

/** What the preview server needs. */
export interface PreviewServerOptions {
  /** The address to listen on; loopback unless the user asks otherwise. */
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  readonly handler: PageHandler;
  /** The first events a new `/events` stream gets, such as the version. */
  readonly greeting?: () => readonly ServerEvent[];
}

/** A running preview server. */
export interface PreviewServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Sends an event to every open `/events` stream. */
  broadcast(event: ServerEvent): void;
  close(): Promise<void>;
}

/** The loopback address the preview listens on unless told otherwise. */
export const defaultHost = '127.0.0.1';

/** Every open event stream gets a comment this often, to keep it open. */
const heartbeatMilliseconds = 15_000;

/**
 * Serves the preview over HTTP (node:http, GET and HEAD only) and pushes
 * updates as Server-Sent Events on `/events`. When bound to loopback it
 * answers only requests addressed to a loopback name, so that a web page
 * elsewhere cannot reach it through a DNS name of its own.
 */
export async function startPreviewServer(
  options: PreviewServerOptions,
): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let port = options.port;
  const server = createServer((request, response) => {
    try {
      respond(request, response);
    } catch (error) {
      const detail = errorMessage(error);
      send(response, request, plain(500, `internal error: ${detail}\n`));
    }
  });

  const respond = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, request, plain(405, 'method not allowed\n'));
    }
    if (!hostAllowed(options.host, port, request.headers.host)) {
      return send(response, request, plain(421, 'misdirected request\n'));
    }
    const target = parseTarget(request.url);
    if (target?.pathname === '/events') return openStream(request, response);
    const page =
      target === undefined
        ? undefined
        : options.handler(target.pathname, target.query);
    send(response, request, page ?? plain(404, 'not found\n'));
  };

  const openStream = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    for (const event of options.greeting?.() ?? [])
      response.write(formatEvent(event));
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': heartbeat\n\n');
  }, heartbeatMilliseconds);
  heartbeat.unref();

  await listen(server, options.host, options.port);
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':')
    ? `[${options.host}]`
    : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    host: options.host,
    port,
    broadcast: (event) => {
      const text = formatEvent(event);
      for (const stream of streams) stream.write(text);
    },
    close: async () => {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const securityHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': contentSecurityPolicy,
};

function send(
  response: ServerResponse,
  request: IncomingMessage,
  page: PageResponse,
): void {
  const body = Buffer.from(page.body, 'utf8');
  response.writeHead(page.status, {
    ...securityHeaders,
    'content-type': page.type,
    'content-length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function plain(status: number, text: string): PageResponse {
  return { status, type: 'text/plain; charset=utf-8', body: text };
}

function formatEvent(event: ServerEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * The request's path, decoded, and its query; undefined when the path is
 * unreadable or names a dot segment (`..`, `%2e%2e`) or a backslash: no
 * page has such a path, and resolving one would only hide an attempt.
 */
function parseTarget(
  target: string | undefined,
): { pathname: string; query: URLSearchParams } | undefined {
  const text = target ?? '/';
  const question = text.indexOf('?');
  const raw = question < 0 ? text : text.slice(0, question);
  const search = question < 0 ? '' : text.slice(question + 1);
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const segments = pathname.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return undefined;
  if (pathname.includes('\\') || pathname.includes('\u0000')) return undefined;
  return { pathname, query: new URLSearchParams(search) };
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return loopbackNames.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether a request's Host header may reach this server: any, when it
 * listens beyond loopback; a loopback name at its port otherwise.
 */
export function hostAllowed(
  bound: string,
  port: number,
  header: string | undefined,
): boolean {
  if (!isLoopback(bound)) return true;
  if (header === undefined) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.toLowerCase());
  if (match === null) return false;
  const [, name = '', given] = match;
  return isLoopback(name) && Number(given ?? 80) === port;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
