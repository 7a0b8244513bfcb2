import { alwaysExits } from '../../checking/journey-steps.js';
import { assertNever } from '../../support/assert-never.js';
import type { Journey, Step } from '../../workspace/journey.js';
import type { Offer } from '../../workspace/workspace.js';
import {
  describeEntryRule,
  entryCondition,
  formatDuration,
  formatMinute,
} from '../describe.js';
import { html, type SafeHtml } from '../html.js';

/** What the diagram needs besides the journey. */
export interface DiagramContext {
  readonly offers: ReadonlyMap<string, Offer>;
  /** Path items (see coverage.ts) and whether a fixture took them. */
  readonly covered: ReadonlyMap<string, boolean> | undefined;
}

/**
 * A journey as nested boxes, top to bottom: the entry, each step, and at
 * branches, splits and waits for events one column per way on, each with
 * its own steps. Columns that end without an exit go on to the next step
 * below them. A way no fixture takes is drawn dashed.
 */
export function journeyDiagram(
  journey: Journey,
  context: DiagramContext,
): SafeHtml {
  const condition = entryCondition(journey.entry);
  return html`<div class="diagram">
    <div class="flow">
      <div class="node entry">
        <span class="kind">entry</span>
        ${describeEntryRule(journey.entry)}
        ${condition !== undefined && html`<div><code>${condition}</code></div>`}
      </div>
      ${stepNodes(journey.steps, context)}
      ${
        !alwaysExits(journey.steps) &&
        html`<div class="node done">completed</div>`
      }
    </div>
  </div>`;
}

function stepNodes(
  steps: readonly Step[],
  context: DiagramContext,
): SafeHtml[] {
  return steps.map((step) => stepNode(step, context));
}

function stepNode(step: Step, context: DiagramContext): SafeHtml {
  switch (step.kind) {
    case 'send':
      return sendNode(step, context);
    case 'wait_duration':
      return box(
        step,
        'wait',
        'wait',
        html`${formatDuration(step.durationMs)}`,
      );
    case 'wait_until':
      return box(
        step,
        'wait',
        'wait',
        html`until ${formatMinute(step.atMinute)}`,
      );
    case 'wait_event':
      return fork(
        box(
          step,
          'decide',
          'wait for event',
          html`${step.event}
            ${step.when && html`<div><code>${step.when.source.text}</code></div>`}
            <div>at most ${formatDuration(step.timeoutMs)}</div>`,
        ),
        [
          way(step, 'event', 'on event', step.onEvent, context),
          way(step, 'timeout', 'on timeout', step.onTimeout, context),
        ],
      );
    case 'branch':
      return fork(
        box(
          step,
          'decide',
          'branch',
          html`<code>${step.when.source.text}</code>`,
        ),
        [
          way(step, 'then', 'then', step.then, context),
          way(step, 'else', 'else', step.else, context),
        ],
      );
    case 'split':
      return fork(box(step, 'decide', 'split', html`by member`), [
        ...step.variants.map((variant) =>
          way(
            step,
            variant.id,
            `${variant.id} · ${variant.share} %`,
            variant.steps,
            context,
          ),
        ),
        ...(step.holdout > 0 ? [holdout(step.id, step.holdout, context)] : []),
      ]);
    case 'update':
      return box(
        step,
        'update',
        'update',
        html`${step.assignments.map(
          ({ attribute, value }) =>
            html`<div><code>${attribute} = ${value.source.text}</code></div>`,
        )}`,
      );
    case 'exit':
      return html`<div class="node exit" title="${step.id}">
        exit · ${step.reason}
      </div>`;
    default:
      return assertNever(step);
  }
}

function sendNode(
  step: Extract<Step, { kind: 'send' }>,
  context: DiagramContext,
): SafeHtml {
  const offer =
    step.offer === undefined ? undefined : context.offers.get(step.offer);
  const taken = context.covered?.get(`${step.id}: sent`);
  return box(
    step,
    `send ${step.channel}${taken === false ? ' untaken' : ''}`,
    `send ${step.channel}`,
    html`<a href="/templates/${step.template}">${step.template}</a> ${
        step.offer !== undefined &&
        html`<div>
          with offer <code>${step.offer}</code>
          ${offer && html`<span class="muted">(${describeDiscount(offer)})</span>`}
        </div>`
      }`,
  );
}

function box(
  step: Step,
  style: string,
  kind: string,
  body: SafeHtml,
): SafeHtml {
  return html`<div class="node ${style}">
    <span class="kind">${kind}</span>
    ${body}
    <span class="id">${step.id}</span>
  </div>`;
}

function fork(node: SafeHtml, ways: readonly SafeHtml[]): SafeHtml {
  return html`<div class="fork">
    ${node}
    <div class="paths">${ways}</div>
  </div>`;
}

/** One way on from a branching step, with its steps. */
function way(
  step: Step,
  path: string,
  label: string,
  steps: readonly Step[],
  context: DiagramContext,
): SafeHtml {
  const taken = context.covered?.get(`${step.id}: ${path}`);
  return html`<div class="path">
    ${wayLabel(label, taken)}
    <div class="flow">
      ${
        steps.length === 0
          ? html`<span class="muted">straight on</span>`
          : stepNodes(steps, context)
      }
    </div>
  </div>`;
}

function holdout(
  step: string,
  share: number,
  context: DiagramContext,
): SafeHtml {
  const taken = context.covered?.get(`${step}: holdout`);
  return html`<div class="path">
    ${wayLabel(`holdout · ${share} %`, taken)}
    <div class="flow"><div class="node exit">leaves · holdout</div></div>
  </div>`;
}

function wayLabel(label: string, taken: boolean | undefined): SafeHtml {
  return taken === false
    ? html`<span class="pill label untaken" title="No fixture takes this way"
        >${label}</span
      >`
    : html`<span class="pill label">${label}</span>`;
}

/** `25 % off`, `100 SEK off`. */
function describeDiscount(offer: Offer): string {
  return offer.discount.kind === 'percent'
    ? `${offer.discount.percent} % off`
    : `${offer.discount.amount} SEK off`;
}
