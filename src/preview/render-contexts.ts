import { allSteps } from '../checking/journey-steps.js';
import { millisecondsPerDay } from '../runtime/calendar.js';
import { offerValues } from '../runtime/offers.js';
import { parseDate } from '../runtime/values.js';
import { describeOffer } from '../simulation/program-data.js';
import type { RenderContext } from '../templates/index.js';
import {
  sampleRecommendations,
  sampleValue,
} from '../templates/sample-context.js';
import type { Fixture, FixtureMember } from '../workspace/fixture.js';
import type { Journey } from '../workspace/journey.js';
import type { Offer, Workspace } from '../workspace/workspace.js';
import type { GoodBuild, StoryEntry } from '../watch/build.js';

/** A member to render a template for, with the values to render. */
export interface MemberChoice {
  /** `fixture/member`, or `sample`. */
  readonly key: string;
  readonly label: string;
  readonly context: RenderContext;
}

/** The journeys and offer reminders that send a template. */
export interface TemplateSenders {
  readonly journeys: readonly { journey: Journey; offer: string | undefined }[];
  readonly reminders: readonly Offer[];
}

/** The day samples are issued on without fixtures: fixed, for stable pages. */
const sampleDay = parseDate('2025-03-03') ?? 0;

/** The key of the generated member. */
const sampleKey = 'sample';

/** Who sends a template: send steps of journeys and offer reminders. */
export function templateSenders(
  workspace: Workspace,
  template: string,
): TemplateSenders {
  const journeys = [...workspace.journeys.values()].flatMap((journey) =>
    [...allSteps(journey.steps)]
      .filter((step) => step.kind === 'send' && step.template === template)
      .map((step) => ({
        journey,
        offer: step.kind === 'send' ? step.offer : undefined,
      })),
  );
  const reminders = [...workspace.offers.values()].filter((offer) =>
    offer.reminders.some((reminder) => reminder.template === template),
  );
  return { journeys, reminders };
}

/**
 * Every fixture member, then a member of sample values. A fixture member
 * gets the offer and entry event of the send they got in the fixture, if
 * they got one; otherwise, like the sample member, sample values for the
 * offer and event of the first journey that sends the template.
 */
export function memberChoices(
  good: GoodBuild,
  template: string,
): MemberChoice[] {
  const { workspace } = good;
  const senders = templateSenders(workspace, template);
  const choices = good.fixtures.flatMap((run) =>
    run.fixture.members.map((member) => {
      const send = run.story.find(
        (entry): entry is Extract<StoryEntry, { kind: 'send' }> =>
          entry.kind === 'send' &&
          entry.member === member.id &&
          entry.template === template,
      );
      const receives = send?.outcome === 'sent' ? ', receives it' : '';
      return {
        key: `${run.fixture.id}/${member.id}`,
        label: `${member.id} (fixture ${run.fixture.id})${receives}`,
        context: fixtureContext(workspace, senders, run.fixture, member, send),
      };
    }),
  );
  const firstDay = good.fixtures[0]?.fixture.startDay;
  const sample: MemberChoice = {
    key: sampleKey,
    label: 'sample values',
    context: sampleMemberContext(workspace, senders, firstDay),
  };
  return [...choices, sample];
}

/** The choice that shows first: a member who receives the template. */
export function defaultChoice(
  good: GoodBuild,
  choices: readonly MemberChoice[],
  template: string,
): MemberChoice | undefined {
  for (const run of good.fixtures) {
    const send = run.story.find(
      (entry) =>
        entry.kind === 'send' &&
        entry.outcome === 'sent' &&
        entry.template === template,
    );
    if (send !== undefined) {
      const key = `${run.fixture.id}/${send.member}`;
      return choices.find((choice) => choice.key === key);
    }
  }
  return choices[0];
}

function fixtureContext(
  workspace: Workspace,
  senders: TemplateSenders,
  fixture: Fixture,
  member: FixtureMember,
  send: Extract<StoryEntry, { kind: 'send' }> | undefined,
): RenderContext {
  const journey =
    workspace.journeys.get(send?.journey ?? '') ?? senders.journeys[0]?.journey;
  const issuedAt = send?.at ?? fixture.startDay * millisecondsPerDay;
  const offer = offerOf(workspace, senders, send?.offer ?? undefined);
  const event = fixtureEvent(fixture, member.id, journey, send?.at);
  return {
    ...baseContext(workspace),
    member: { id: member.id, ...member.attributes },
    offer:
      offer === undefined
        ? undefined
        : offerValues(
            describeOffer(offer),
            send?.offerCode ?? sampleCode(offer),
            issuedAt,
          ),
    event: event ?? sampleEvent(workspace, journey),
  };
}

function sampleMemberContext(
  workspace: Workspace,
  senders: TemplateSenders,
  firstDay: number | undefined,
): RenderContext {
  const member = sampleValue(workspace.model.member, 'member');
  const journey = senders.journeys[0]?.journey;
  const offer = offerOf(workspace, senders, undefined);
  const day = firstDay ?? sampleDay;
  return {
    ...baseContext(workspace),
    member: member as Record<string, unknown>,
    offer:
      offer === undefined
        ? undefined
        : offerValues(
            describeOffer(offer),
            sampleCode(offer),
            day * millisecondsPerDay,
          ),
    event: sampleEvent(workspace, journey),
  };
}

function baseContext(workspace: Workspace): RenderContext {
  return {
    member: {},
    params: Object.fromEntries(
      [...workspace.parameters].map(([name, parameter]) => [
        name,
        parameter.value,
      ]),
    ),
    unsubscribe_url: 'https://example.com/avregistrera/Ab12Cd34',
    preferences_url: 'https://example.com/installningar/Ab12Cd34',
    recommendations: sampleRecommendations,
  };
}

/** The offer a send carried, or the first one that sends of the template carry. */
function offerOf(
  workspace: Workspace,
  senders: TemplateSenders,
  sent: string | undefined,
): Offer | undefined {
  const id = sent ?? senders.journeys.find((sender) => sender.offer)?.offer;
  return id === undefined ? senders.reminders[0] : workspace.offers.get(id);
}

function sampleCode(offer: Offer): string {
  return `${offer.id.toUpperCase().replace(/_/g, '')}-SAMPLE`;
}

/** The member's last event of the journey's entry type, up to the send. */
function fixtureEvent(
  fixture: Fixture,
  member: string,
  journey: Journey | undefined,
  before: number | undefined,
): Record<string, unknown> | undefined {
  if (journey?.entry.kind !== 'event') return undefined;
  const type = journey.entry.event;
  const events = fixture.events.filter(
    (event) =>
      event.member === member &&
      event.type === type &&
      (before === undefined || event.at <= before),
  );
  const event = events.at(-1);
  return event === undefined
    ? undefined
    : { ...event.payload, at: event.at, type: event.type };
}

function sampleEvent(
  workspace: Workspace,
  journey: Journey | undefined,
): Record<string, unknown> | undefined {
  if (journey?.entry.kind !== 'event') return undefined;
  const type = workspace.model.events.get(journey.entry.event);
  if (type === undefined) return undefined;
  const values = sampleValue(type.type, 'event') as Record<string, unknown>;
  return { ...values, type: type.name };
}
