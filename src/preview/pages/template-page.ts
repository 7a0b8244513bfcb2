import {
  measureSms,
  type CompiledEmail,
  type CompiledSms,
  type RenderContext,
} from '../../templates/index.js';
import type { GoodBuild } from '../../watch/build.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../layout.js';
import {
  defaultChoice,
  memberChoices,
  templateSenders,
  type MemberChoice,
} from '../render-contexts.js';
import { missingPage } from './missing-page.js';
import { errorMessage } from '../../support/error-message.js';

/** The widths emails are shown at: a desktop client and a phone. */
const desktopWidth = 640;
const mobileWidth = 375;

/**
 * One template id: the email (subject, preheader, HTML at two widths, text
 * version) and the SMS (text, encoding, parts), rendered for the chosen
 * member.
 */
export function templatePage(
  good: GoodBuild | undefined,
  id: string,
  memberKey: string | null,
): Page {
  const compiled = good?.templates.get(id);
  if (good === undefined || compiled === undefined)
    return missingPage(
      'messages',
      `No template "${id}" in the last good build.`,
    );
  const choices = memberChoices(good, id);
  const chosen =
    choices.find((choice) => choice.key === memberKey) ??
    defaultChoice(good, choices, id);
  const context = chosen?.context;
  return {
    title: id,
    section: 'messages',
    content: html`<h1>${id}</h1>
      <p class="lead">${sentBy(good, id)}</p>
      ${memberForm(choices, chosen)}
      ${compiled.email && context && emailPreview(compiled.email, context)}
      ${compiled.sms && context && smsPreview(compiled.sms, context)}`,
  };
}

function sentBy(good: GoodBuild, id: string): SafeHtml {
  const { journeys, reminders } = templateSenders(good.workspace, id);
  const senders = [...new Set(journeys.map(({ journey }) => journey.id))].map(
    (journey) => html`<a href="/journeys/${journey}">${journey}</a>`,
  );
  const offers = reminders.map(
    (offer) => html`the reminder of offer <code>${offer.id}</code>`,
  );
  const all = [...senders, ...offers];
  return all.length === 0
    ? html`Nothing sends this template.`
    : html`Sent by
      ${all.map((item, index) => html`${index > 0 && ', '}${item}`)}.`;
}

function memberForm(
  choices: readonly MemberChoice[],
  chosen: MemberChoice | undefined,
): SafeHtml {
  return html`<form class="member" method="get">
    <label for="member">Rendered for</label>
    <select id="member" name="member" data-submit>
      ${choices.map(
        (choice) =>
          html`<option
            value="${choice.key}"
            ${choice.key === chosen?.key && html`selected`}
          >
            ${choice.label}
          </option>`,
      )}
    </select>
    <noscript><button type="submit">Show</button></noscript>
  </form>`;
}

/** A rendered part, or why it could not be rendered. */
function attempt(
  render: (context: RenderContext) => string,
  context: RenderContext,
): { text: string } | { error: string } {
  try {
    return { text: render(context) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

function shown(
  result: { text: string } | { error: string },
  show: (text: string) => SafeHtml = (text) => html`${text}`,
): SafeHtml {
  return 'text' in result
    ? show(result.text)
    : html`<span class="pill fail">cannot render</span> ${result.error}`;
}

function emailPreview(email: CompiledEmail, context: RenderContext): SafeHtml {
  const page = attempt(email.html, context);
  const frame = (width: number, kind: 'desktop' | 'mobile') =>
    html`<div class="device ${kind}">
      <h3>${kind === 'desktop' ? 'Desktop' : 'Mobile'} · ${width} px</h3>
      ${shown(
        page,
        (text) =>
          html`<iframe
            class="email-frame"
            data-fit
            sandbox="allow-same-origin"
            title="The email at ${width} pixels"
            srcdoc="${text}"
          ></iframe>`,
      )}
    </div>`;
  return html`<h2>Email</h2>
    <div class="card">
      <dl class="facts envelope">
        <dt>Subject</dt>
        <dd id="subject">${shown(attempt(email.subject, context))}</dd>
        <dt>Preheader</dt>
        <dd id="preheader">${shown(attempt(email.preheader, context))}</dd>
      </dl>
    </div>
    <div class="previews">
      ${frame(desktopWidth, 'desktop')} ${frame(mobileWidth, 'mobile')}
    </div>
    <h3>Text version</h3>
    <pre class="text" id="text-version">
${shown(attempt(email.text, context))}</pre>`;
}

function smsPreview(sms: CompiledSms, context: RenderContext): SafeHtml {
  const result = attempt(sms.text, context);
  const measure = 'text' in result ? measureSms(result.text) : undefined;
  return html`<h2>SMS</h2>
    <div class="grid">
      <div class="card">
        <pre class="sms-bubble" id="sms-text">${shown(result)}</pre>
      </div>
      <div class="card">
        <dl class="facts">
          <dt>Encoding</dt>
          <dd id="sms-encoding">
            ${measure?.encoding === 'ucs2' ? 'UCS-2' : 'GSM-7'}
            ${
              measure?.forcedBy !== undefined &&
              html`<span class="muted"
                >(because of “${measure.forcedBy}”)</span
              >`
            }
          </dd>
          <dt>Parts</dt>
          <dd id="sms-parts">${measure?.parts}</dd>
          <dt>Characters</dt>
          <dd>${measure?.characters}</dd>
          <dt>With sample values</dt>
          <dd class="muted">
            ${sms.encoding === 'ucs2' ? 'UCS-2' : 'GSM-7'}, ${sms.parts}
            part${sms.parts === 1 ? '' : 's'} (the longest likely text)
          </dd>
        </dl>
      </div>
    </div>`;
}
