import { allSteps } from '../checking/journey-steps.js';
import type { Workspace } from '../workspace/workspace.js';

/** One way a template reaches members: a send step or an offer reminder. */
export interface TemplateSend {
  /** Who sends it, for messages: `journey "winback"`. */
  readonly sender: string;
  /** Marketing needs consent and an unsubscribe link. */
  readonly marketing: boolean;
  /** Whether the send carries an offer (`offer` is in the template). */
  readonly offer: boolean;
  /** The entry event of the sending journey; undefined when it has none. */
  readonly event: string | undefined;
  /** Why there is no event, when there is none. */
  readonly noEvent: string;
}

/**
 * Every send of every template, by template id. A send on one channel
 * counts for the template's other channel too: the contact policy's
 * fallback may send the SMS version of an email, with the same values.
 */
export function templateSends(
  workspace: Pick<Workspace, 'journeys' | 'offers'>,
): Map<string, TemplateSend[]> {
  const sends = new Map<string, TemplateSend[]>();
  const add = (template: string, send: TemplateSend): void => {
    const list = sends.get(template) ?? [];
    list.push(send);
    sends.set(template, list);
  };

  for (const journey of workspace.journeys.values()) {
    const sender = `journey "${journey.id}"`;
    const event =
      journey.entry.kind === 'event' ? journey.entry.event : undefined;
    const noEvent = `${sender} starts on a ${journey.entry.kind}, not an event`;
    for (const step of allSteps(journey.steps)) {
      if (step.kind !== 'send') continue;
      const marketing = (step.category ?? journey.category) !== 'transactional';
      const offer = step.offer !== undefined;
      add(step.template, { sender, marketing, offer, event, noEvent });
    }
  }

  for (const offer of workspace.offers.values()) {
    const sender = `the reminder of offer "${offer.id}"`;
    const noEvent = `${sender} is not sent on an event`;
    for (const reminder of offer.reminders) {
      add(reminder.template, {
        sender,
        marketing: true,
        offer: true,
        event: undefined,
        noEvent,
      });
    }
  }
  return sends;
}
