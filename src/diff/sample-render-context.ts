import { offerValues } from '../runtime/offers.js';
import { TimeZone } from '../runtime/time-zone.js';
import { describeOffer } from '../simulation/program-data.js';
import { generateMembers } from '../simulation/population/generate-members.js';
import { assertNever } from '../support/assert-never.js';
import type { RenderContext } from '../templates/render-context.js';
import type { Step } from '../workspace/journey.js';
import type { Workspace } from '../workspace/workspace.js';
import { byText } from './semantic-change.js';

/**
 * What both versions of a changed email are rendered with: the head's
 * first fixture member (or a generated one when there are no fixtures),
 * the side's parameters, and an offer the template is sent with, if any.
 */
export function sampleRenderContext(
  head: Workspace,
  side: Workspace,
  template: string,
  startDay: number,
): RenderContext {
  return {
    member: sampleMember(head, startDay),
    offer: sampleOffer(side, template, startDay),
    params: Object.fromEntries(
      [...side.parameters].map(([name, parameter]) => [name, parameter.value]),
    ),
    unsubscribe_url: 'https://example.com/unsubscribe',
    preferences_url: 'https://example.com/preferences',
    recommendations: { products: () => [] },
  };
}

function sampleMember(
  workspace: Workspace,
  startDay: number,
): Record<string, unknown> {
  const fixtures = [...workspace.fixtures.values()].sort((a, b) =>
    byText(a.id, b.id),
  );
  const written = fixtures[0]?.members[0];
  if (written !== undefined)
    return structuredClone({ id: written.id, ...written.attributes });
  const [generated] = generateMembers(workspace.model, {
    count: 1,
    seed: 1,
    startDay,
    timeZone: new TimeZone(workspace.policy.timeZone),
  });
  return generated ?? {};
}

/** The offer a template goes out with, as issued at 09:00 on `startDay`. */
function sampleOffer(
  workspace: Workspace,
  template: string,
  startDay: number,
): Record<string, unknown> | undefined {
  const journeys = [...workspace.journeys.values()];
  const offer = [...workspace.offers.values()].find(
    (candidate) =>
      candidate.reminders.some((reminder) => reminder.template === template) ||
      journeys.some((journey) =>
        sendsWithOffer(journey.steps, template, candidate.id),
      ),
  );
  if (offer === undefined) return undefined;
  const zone = new TimeZone(workspace.policy.timeZone);
  const issuedAt = zone.toEpoch(startDay, 9 * 60);
  return offerValues(describeOffer(offer), 'SAMPLE-CODE', issuedAt);
}

/** Whether a step list sends the template with the offer, at any depth. */
function sendsWithOffer(
  steps: readonly Step[],
  template: string,
  offer: string,
): boolean {
  const any = (lists: readonly (readonly Step[])[]): boolean =>
    lists.some((list) => sendsWithOffer(list, template, offer));
  return steps.some((step) => {
    switch (step.kind) {
      case 'send':
        return step.template === template && step.offer === offer;
      case 'branch':
        return any([step.then, step.else]);
      case 'wait_event':
        return any([step.onEvent, step.onTimeout]);
      case 'split':
        return any(step.variants.map((variant) => variant.steps));
      case 'wait_duration':
      case 'wait_until':
      case 'update':
      case 'exit':
        return false;
      default:
        return assertNever(step);
    }
  });
}
