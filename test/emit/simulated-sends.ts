import type { SendLine } from '../../src/emit/typescript/runner/run-triggers.js';
import type { SendRecord } from '../../src/runtime/engine-types.js';
import type { Program } from '../../src/runtime/program.js';
import type {
  CompiledTemplate,
  RecommendationProvider,
  RenderContext,
} from '../../src/templates/index.js';
import { simulateFixture } from '../../src/simulation/run-fixture.js';
import type { Fixture } from '../../src/workspace/fixture.js';
import { sendLineOf } from './emitted-code.js';

/*
 * What the emitted code must write for a fixture: the simulator's send
 * decisions, each email sent with the subject Slinga's own renderer gives
 * (CompiledTemplate.subject of compileTemplates). The render values are
 * found from what the simulator reports and the fixture holds, not from
 * the engine's internals the emitted runner reads, so that the two
 * derivations check each other.
 */

/** What rendering a fixture's subjects needs besides the fixture. */
export interface SubjectSetting {
  readonly program: Program;
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
  readonly recommendations: RecommendationProvider;
}

/**
 * Runs a fixture on the simulator's engine, as runFixture does, and writes
 * its decisions as the emitted code's lines, with Slinga's subjects.
 */
export function simulatedSends(
  setting: SubjectSetting,
  fixture: Fixture,
): SendLine[] {
  const { program } = setting;
  const indexes = new Map(
    fixture.members.map((member, index) => [member.id, index]),
  );
  const entries = new EntryEvents(program, fixture);
  const offers = new IssuedOffers(program);
  const lines: SendLine[] = [];
  simulateFixture(program, fixture, (members) => ({
    onEnter: (member, journey, at) => entries.enter(member, journey, at),
    onSend: (record) => {
      const offer = offers.follow(record);
      const member = members[indexes.get(record.member) ?? -1];
      const sent = record.outcome === 'sent' && record.channel === 'email';
      const subject =
        sent && member !== undefined
          ? renderSubject(setting, record, {
              member,
              offer,
              event: entries.eventOf(record),
            })
          : null;
      lines.push(sendLineOf(record, subject));
    },
  }));
  return lines;
}

/** The subject Slinga renders for an email, with the links left empty. */
function renderSubject(
  setting: SubjectSetting,
  record: SendRecord,
  values: Pick<RenderContext, 'member' | 'offer' | 'event'>,
): string {
  const email = setting.templates.get(record.template)?.email;
  if (email === undefined) {
    throw new Error(`${record.template} was sent but has no compiled email`);
  }
  return email.subject({
    ...values,
    params: setting.program.params,
    unsubscribe_url: '',
    preferences_url: '',
    recommendations: setting.recommendations,
  });
}

/**
 * The entry event of every journey a member is in: the fixture's event of
 * the journey's entry type at the instant the simulator reports the entry.
 */
class EntryEvents {
  private readonly events = new Map<string, Record<string, unknown>[]>();
  private readonly entered = new Map<string, Record<string, unknown>>();
  private readonly entryTypes: ReadonlyMap<string, string>;

  constructor(program: Program, fixture: Fixture) {
    this.entryTypes = new Map(
      program.journeys.flatMap((journey) =>
        journey.entry.kind === 'event'
          ? [[journey.id, journey.entry.event] as const]
          : [],
      ),
    );
    for (const event of fixture.events) {
      const key = eventKey(event.member, event.type, event.at);
      const list = this.events.get(key) ?? [];
      list.push({ ...event.payload, at: event.at, type: event.type });
      this.events.set(key, list);
    }
  }

  enter(member: string, journey: string, at: number): void {
    const type = this.entryTypes.get(journey);
    if (type === undefined) return;
    const candidates = this.events.get(eventKey(member, type, at)) ?? [];
    const [event] = candidates;
    const same = candidates.every(
      (other) => JSON.stringify(other) === JSON.stringify(event),
    );
    if (event === undefined || !same) {
      throw new Error(
        `${member} entered ${journey} at ${at} on ${candidates.length} different events`,
      );
    }
    this.entered.set(`${member}\u0000${journey}`, event);
  }

  /** The entry event of the journey that sent a message; none for a reminder. */
  eventOf(record: SendRecord): Record<string, unknown> | undefined {
    if (record.step.includes('.reminder.')) return undefined;
    return this.entered.get(`${record.member}\u0000${record.journey}`);
  }
}

function eventKey(member: string, type: string, at: number): string {
  return `${member}\u0000${type}\u0000${at}`;
}

/**
 * The offers the simulator issues, from its sends: the offer definition,
 * with the code it reports, issued at the send. A reminder is about the
 * last offer of its id that its journey issued to the member.
 */
class IssuedOffers {
  private readonly issued = new Map<string, Record<string, unknown>[]>();

  constructor(private readonly program: Program) {}

  /** The offer of a decision's message, noting the offers sends issue. */
  follow(record: SendRecord): Record<string, unknown> | undefined {
    if (record.offer !== null) {
      const offer = this.issuedBy(record);
      if (offer === undefined) return undefined;
      const key = `${record.member}\u0000${record.journey}\u0000${record.offer}`;
      this.issued.set(key, [...(this.issued.get(key) ?? []), offer]);
      return offer;
    }
    const [offer] = record.step.split('.reminder.');
    if (offer === undefined || offer === record.step) return undefined;
    const key = `${record.member}\u0000${record.journey}\u0000${offer}`;
    return this.issued.get(key)?.at(-1);
  }

  private issuedBy(record: SendRecord): Record<string, unknown> | undefined {
    const definition = this.program.offers.get(record.offer ?? '');
    if (record.offerCode === null || definition === undefined) return undefined;
    return {
      id: definition.id,
      code: record.offerCode,
      issued_at: record.at,
      expires_at: record.at + definition.validityMs,
      redeemed: false,
      percent: definition.percent,
      amount: definition.amount,
      minimum_purchase: definition.minimumPurchase,
    };
  }
}
