import { layoutPage, type Page } from './layout.js';
import { diagnosticsPage } from './pages/diagnostics-page.js';
import { fixturePage } from './pages/fixture-page.js';
import { journeyPage } from './pages/journey-page.js';
import { messagesPage } from './pages/messages-page.js';
import { overviewPage } from './pages/overview-page.js';
import { pressurePage } from './pages/pressure-page.js';
import { templatePage } from './pages/template-page.js';
import type { PageHandler, PageResponse } from './preview-server.js';
import type { PreviewState } from './preview-state.js';
import { styleSheet } from './style.js';

/** A path pattern and the page it stands for; ids are lower snake case. */
interface Route {
  readonly pattern: RegExp;
  readonly page: (
    state: PreviewState,
    id: string,
    query: URLSearchParams,
  ) => Page;
}

const id = '([a-z][a-z0-9_]*)';

/**
 * Every page of the preview. A path matches one of these patterns or is
 * not found; the id in it is only looked up in the build, never used as a
 * file name.
 */
const routes: readonly Route[] = [
  { pattern: /^\/$/, page: (state) => overviewPage(state) },
  {
    pattern: new RegExp(`^/journeys/${id}$`),
    page: (state, journey) => journeyPage(state.build.good, journey),
  },
  {
    pattern: /^\/templates$/,
    page: (state) => messagesPage(state.build.good),
  },
  {
    pattern: new RegExp(`^/templates/${id}$`),
    page: (state, template, query) =>
      templatePage(state.build.good, template, query.get('member')),
  },
  {
    pattern: new RegExp(`^/fixtures/${id}$`),
    page: (state, fixture) => fixturePage(state.build.good, fixture),
  },
  { pattern: /^\/diagnostics$/, page: (state) => diagnosticsPage(state) },
  {
    pattern: /^\/pressure$/,
    page: (state) => pressurePage(state.population),
  },
];

/** The preview's pages, made from the state of the moment they are asked for. */
export function previewSite(state: () => PreviewState): PageHandler {
  return (pathname, query) => {
    if (pathname === '/style.css')
      return { status: 200, type: 'text/css; charset=utf-8', body: styleSheet };
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (match === null) continue;
      const now = state();
      return htmlPage(route.page(now, match[1] ?? '', query), now);
    }
    return undefined;
  };
}

function htmlPage(page: Page, state: PreviewState): PageResponse {
  return {
    status: page.status ?? 200,
    type: 'text/html; charset=utf-8',
    body: layoutPage(page, state),
  };
}
