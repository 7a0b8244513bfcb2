import type { Program } from '../../../runtime/program.js';
import { formatDate, parseDate } from '../../../runtime/values.js';
import type { RecommendationProvider } from '../../../templates/template-helpers.js';
import {
  noRecommendations,
  templateSubjects,
  type SubjectTemplates,
} from './subject-renderer.js';
import { emptyTriggerState, type TriggerState } from './trigger-state.js';
import { TriggerSession } from './trigger-session.js';
import type { ObjectShape } from './value-shape.js';

/*
 * Shipped with the generated trigger code (as runner/run-triggers.ts): runs
 * the engine day by day over members and events read from JSON, as the
 * simulator runs a fixture, and reports every send decision.
 */

/** What the runner needs to know of the Model to read its input. */
export interface TriggerModel {
  readonly member: ObjectShape;
  /** Each event type's payload. */
  readonly events: ReadonlyMap<string, ObjectShape>;
}

/** One workspace's trigger code, as main.ts binds it to the runner. */
export interface TriggerCode {
  readonly program: Program;
  readonly model: TriggerModel;
  /** Names the program in state files (fingerprint.ts). */
  readonly fingerprint: string;
  readonly subjects: SubjectTemplates;
}

/** One send decision, as a line of the output. */
export interface SendLine {
  /** The instant of the decision, ISO 8601 in UTC. */
  readonly at: string;
  readonly member: string;
  readonly journey: string;
  readonly step: string;
  /** The channel after any fallback. */
  readonly channel: string;
  readonly template: string;
  readonly offer: string | null;
  readonly offerCode: string | null;
  readonly outcome: 'sent' | 'held_back' | 'deferred';
  /** The contact rule that held it back or deferred it. */
  readonly rule: string | null;
  /**
   * The subject of an email sent, its template's subject line rendered (or
   * what `renderSubject` gives, when given). Null for an SMS, which has no
   * subject, and for a message not sent (held back or deferred).
   */
  readonly subject: string | null;
}

/** What a subject renderer sees of a message that is sent. */
export interface SubjectContext<Member> {
  /** The member in runtime form, as the journeys see it now. */
  readonly member: Member;
  /** Epoch milliseconds of the send. */
  readonly at: number;
  readonly journey: string;
  readonly step: string;
  readonly channel: string;
  readonly offer: string | null;
  readonly offerCode: string | null;
  /** The entry event of the sending journey, in runtime form; null without one. */
  readonly event: Readonly<Record<string, unknown>> | null;
  /**
   * The offer the message is about, as templates see `offer`: the one the
   * send issued, or the one a reminder reminds of; null without one.
   */
  readonly offerValues: Readonly<Record<string, unknown>> | null;
}

/** Renders a template's subject line for a message, or gives null. */
export type RenderSubject<Member> = (
  template: string,
  context: SubjectContext<Member>,
) => string | null;

/** A run of the triggers. */
export interface TriggerOptions<Member = Record<string, unknown>> {
  /**
   * Members as JSON values, one object each, with attributes as the Model
   * declares them (dates `YYYY-MM-DD`, datetimes ISO 8601 or epoch
   * milliseconds). On a continuation only new and changed members matter.
   */
  readonly members?: Iterable<unknown> | undefined;
  /**
   * Events as JSON values: `{ member, type, at, payload }`, with `at` ISO
   * 8601 (local to the policy's time zone without an offset) or epoch
   * milliseconds. Added in this order; the engine runs them in time order.
   */
  readonly events?: Iterable<unknown> | undefined;
  /** The first local day, `YYYY-MM-DD`; a continuation defaults to its next day. */
  readonly from?: string | undefined;
  /** How many local days to run. */
  readonly days: number;
  /** The state to continue; a run without one starts from nothing. */
  readonly state?: TriggerState | undefined;
  /**
   * Whether to take up a state saved by other journeys (after a change to
   * the journeys, segments, parameters or policy): entries, cap windows,
   * offers and events carry over, and members go on in the journeys whose
   * steps did not change; they leave the others. Without it such a state
   * is refused.
   */
  readonly upgrade?: boolean | undefined;
  /**
   * Called for every message sent, email or SMS, to fill in `subject`
   * instead of the email templates' own subject lines.
   */
  readonly renderSubject?: RenderSubject<Member> | undefined;
  /**
   * Where the `recommendations` helper of subject lines gets products;
   * without one it gets none.
   */
  readonly recommendations?: RecommendationProvider | undefined;
  /** Receives every send decision, in the order the engine makes them. */
  readonly onSend: (line: SendLine) => void;
}

/** Input that was left out of a run, or options that stopped it. */
export interface InputProblem {
  readonly input: 'members' | 'events' | 'options';
  /** Position of the value in its input, from 0; -1 for options. */
  readonly index: number;
  /** Where in the value, such as `payload.amount`; empty for all of it. */
  readonly path: string;
  readonly message: string;
}

/** What a run did. */
export interface TriggerResult {
  /** False when the options stopped the run before it began. */
  readonly ran: boolean;
  /** The first local day it ran, `YYYY-MM-DD`; null when it did not run. */
  readonly from: string | null;
  /**
   * When it upgraded a state saved by other journeys: how many members
   * left a journey that changed. Null otherwise.
   */
  readonly upgraded: { readonly ended: number } | null;
  /** The state to save: where this run stopped (the input state if it did not run). */
  readonly state: TriggerState;
  readonly problems: readonly InputProblem[];
  /** Members and events this run added, and decisions it reported. */
  readonly counts: {
    readonly members: number;
    readonly events: number;
    readonly sends: number;
  };
}

/**
 * Runs a program's triggers: takes up the state where the last run
 * stopped, adds this run's members and events and runs its days, reporting each
 * send decision to `onSend`, with the subject of each email sent. Input
 * that does not fit the Model is left out and reported in `problems`; the
 * rest runs.
 */
export function runTriggerProgram<Member>(
  code: TriggerCode,
  options: TriggerOptions<Member>,
): TriggerResult {
  const { program, model, fingerprint } = code;
  const state = options.state ?? emptyTriggerState(fingerprint);
  const problems: InputProblem[] = [];
  const stopped = {
    ran: false,
    from: null,
    upgraded: null,
    state,
    problems,
    counts: { members: 0, events: 0, sends: 0 },
  };
  const upgrade = state.program !== fingerprint;
  if (upgrade && options.upgrade !== true) {
    problems.push(
      optionProblem(
        'the state was saved by other journeys; take it up with upgrade ' +
          '(--upgrade-state), and members leave the journeys that changed',
      ),
    );
    return stopped;
  }
  const from = firstDay(state, options, problems);
  if (from === undefined) return stopped;

  const session = new TriggerSession<Member>(program);
  const resumed = session.resume(state, upgrade);
  if ('problem' in resumed) {
    problems.push(optionProblem(`the state does not fit: ${resumed.problem}`));
    return stopped;
  }
  const run = session.readRun(from, options, model, problems);
  let sends = 0;
  session.apply(run, {
    renderSubject:
      options.renderSubject ??
      templateSubjects(
        code.subjects,
        program,
        options.recommendations ?? noRecommendations,
      ),
    onSend: (line) => {
      sends++;
      options.onSend(line);
    },
  });
  return {
    ran: true,
    from: run.from,
    upgraded: upgrade ? { ended: resumed.ended } : null,
    state: session.save(fingerprint, formatDate(from + options.days)),
    problems,
    counts: {
      members: run.members.length,
      events: run.events.length,
      sends,
    },
  };
}

/** The run's first day: as given, or where the state stopped. */
function firstDay(
  state: TriggerState,
  options: Pick<TriggerOptions, 'days' | 'from'>,
  problems: InputProblem[],
): number | undefined {
  if (!Number.isInteger(options.days) || options.days < 1) {
    problems.push(optionProblem('days must be a whole number from 1'));
    return undefined;
  }
  const next = state.next === null ? undefined : parseDate(state.next);
  if (options.from === undefined) {
    if (next === undefined) problems.push(optionProblem('from is missing'));
    return next;
  }
  const from = parseDate(options.from);
  if (from === undefined) {
    problems.push(optionProblem(`from is no date: ${options.from}`));
    return undefined;
  }
  if (next !== undefined && from !== next) {
    problems.push(
      optionProblem(
        `the state continues on ${formatDate(next)}, not ${options.from}`,
      ),
    );
    return undefined;
  }
  return from;
}

function optionProblem(message: string): InputProblem {
  return { input: 'options', index: -1, path: '', message };
}
