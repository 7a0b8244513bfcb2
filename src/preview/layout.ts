import { clientScript } from './client-script.js';
import { html, type SafeHtml } from './html.js';
import { diagnosticList } from './pages/diagnostic-list.js';
import type { PreviewState } from './preview-state.js';

/** The parts of the preview, for the navigation bar. */
export type Section =
  | 'overview'
  | 'journeys'
  | 'messages'
  | 'fixtures'
  | 'diagnostics'
  | 'pressure';

/** A page before it is laid out. */
export interface Page {
  readonly title: string;
  readonly section: Section;
  readonly content: SafeHtml;
  /** The HTTP status; 200 unless the page says what is missing. */
  readonly status?: number;
}

/** How many errors the status bar shows in full; the rest are counted. */
const errorsShown = 5;

/**
 * A whole HTML document: navigation, status bar, content and the script.
 * The script goes in after the markup, byte for byte, because the
 * Content-Security-Policy names it by its hash.
 */
export function layoutPage(content: Page, state: PreviewState): string {
  // Journeys and fixtures are reached from the overview.
  const current =
    content.section === 'journeys' || content.section === 'fixtures'
      ? 'overview'
      : content.section;
  const link = (section: Section, href: string, label: string) =>
    html`<a href="${href}" class="${current === section ? 'current' : ''}"
      >${label}</a
    >`;
  const document = html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${content.title} · ${state.name} · Slinga preview</title>
      <link rel="stylesheet" href="/style.css" />
    </head>
    <body data-version="${state.version}">
      <header class="top">
        <a class="brand" href="/">Slinga · ${state.name}</a>
        <nav id="nav">
          ${link('overview', '/', 'Overview')}
          ${link('messages', '/templates', 'Messages')}
          ${link('diagnostics', '/diagnostics', diagnosticsLabel(state))}
          ${link('pressure', '/pressure', 'Contact pressure')}
        </nav>
        <span id="live" title="Live: follows the files"></span>
      </header>
      <main>
        <div id="status">
          ${statusBar(state, content.section !== 'diagnostics')}
        </div>
        <div id="content">${content.content}</div>
      </main>
    </body>
  </html>`.text;
  const script = `<script>${clientScript}</script>\n`;
  const end = document.lastIndexOf('</body>');
  const page = document.slice(0, end) + script + document.slice(end);
  return `<!doctype html>\n${page}\n`;
}

function diagnosticsLabel(state: PreviewState): string {
  const { diagnostics } = state.build;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const count = errors > 0 ? `${errors} errors` : String(diagnostics.length);
  return `Diagnostics (${count})`;
}

/**
 * The errors of the latest build, over whatever the last good build shows;
 * empty when the latest build has no errors.
 */
function statusBar(
  state: PreviewState,
  withList: boolean,
): SafeHtml | undefined {
  const { build } = state;
  const errors = build.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  const shown = errors.slice(0, errorsShown);
  const good = build.good;
  const below =
    good === undefined
      ? 'Nothing to show until the workspace builds without errors.'
      : `Below: the last build without errors (#${good.version}).`;
  return html`<div class="banner bad">
    <p>
      <strong
        >Build #${build.version} failed with ${errors.length}
        error${errors.length === 1 ? '' : 's'}.</strong
      >
      ${below}
      ${
        errors.length > shown.length &&
        html`<a href="/diagnostics">See all diagnostics.</a>`
      }
    </p>
    ${withList && diagnosticList(shown, build.sources)}
  </div>`;
}
