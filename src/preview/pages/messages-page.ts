import type { GoodBuild } from '../../watch/build.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { templateSenders } from '../render-contexts.js';
import { plural } from '../../support/plural.js';

/** Every template id, with its channels and who sends it. */
export function messagesPage(good: GoodBuild | undefined): Page {
  const ids = [...(good?.workspace.templates.keys() ?? [])].sort();
  return {
    title: 'Messages',
    section: 'messages',
    content: html`<h1>Messages</h1>
      <p class="lead">
        Every template, rendered for fixture members on its own page.
      </p>
      <table>
        <thead>
          <tr>
            <th>Template</th>
            <th>Email</th>
            <th>SMS (sample values)</th>
            <th>Sent by</th>
          </tr>
        </thead>
        <tbody>
          ${
            good !== undefined &&
            ids.map((id) => {
              const compiled = good.templates.get(id);
              const encoding =
                compiled?.sms?.encoding === 'ucs2' ? 'UCS-2' : 'GSM-7';
              const { journeys, reminders } = templateSenders(
                good.workspace,
                id,
              );
              const senders = [
                ...new Set(journeys.map(({ journey }) => journey.id)),
                ...reminders.map((offer) => `${offer.id} (reminder)`),
              ];
              return html`<tr>
                <td><a href="/templates/${id}">${id}</a></td>
                <td>
                  ${compiled?.email ? 'yes' : html`<span class="muted">—</span>`}
                </td>
                <td>
                  ${
                    compiled?.sms
                      ? `${encoding}, ${plural(compiled.sms.parts, 'part')}`
                      : html`<span class="muted">—</span>`
                  }
                </td>
                <td>${senders.join(', ')}</td>
              </tr>`;
            })
          }
        </tbody>
      </table>`,
  };
}
