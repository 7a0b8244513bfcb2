import { html } from '../html.js';
import type { Page, Section } from '../layout.js';

/** A 404 page within the preview: the thing is not in the last good build. */
export function missingPage(section: Section, message: string): Page {
  return {
    title: 'Not found',
    section,
    status: 404,
    content: html`<h1>Not found</h1>
      <p>${message} <a href="/">Back to the overview.</a></p>`,
  };
}
