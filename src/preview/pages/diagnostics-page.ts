import { html } from '../html.js';
import type { Page } from '../layout.js';
import type { PreviewState } from '../preview-state.js';
import { diagnosticList } from './diagnostic-list.js';

/** Every diagnostic of the latest build, with code frames. */
export function diagnosticsPage(state: PreviewState): Page {
  const { diagnostics, sources, version } = state.build;
  const count = (severity: string) =>
    diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return {
    title: 'Diagnostics',
    section: 'diagnostics',
    content: html`<h1>Diagnostics</h1>
      <p class="lead">
        Build #${version}: ${count('error')} errors, ${count('warning')}
        warnings, ${count('info')} notes.
      </p>
      ${
        diagnostics.length === 0
          ? html`<div class="banner good"><p>No problems found.</p></div>`
          : html`<div id="diagnostics">
              ${diagnosticList(diagnostics, sources)}
            </div>`
      }`,
  };
}
