import { assignAttribute, dropPastItems } from './assign-attribute.js';
import { Agenda } from './agenda.js';
import { restoreEngine, type RestoreOutcome } from './engine-restore.js';
import {
  saveEngine,
  type EngineParts,
  type EngineSnapshot,
} from './engine-snapshot.js';
import type { ConditionContext } from './condition-context.js';
import type {
  EngineListener,
  EngineTask as Task,
  Instance,
  IssuedOffer,
  MemberState,
  PendingSend,
  SendRecord,
} from './engine-types.js';
import type { Program, ProgramJourney } from './program.js';
import {
  decideSend,
  nextQuietEnd,
  windowStart,
  type Decision,
} from './send-decision.js';
import {
  EntryAnswers,
  planEntry,
  runsOn,
  type PlannedEntry,
} from './entry-answers.js';
import {
  emptyMemberState,
  forgetBefore,
  forgetExpiredOffers,
  lastEntry,
  nothing,
  setLastEntry,
  stateUpkeep,
  tidyMemberState,
  withItem,
} from './member-state.js';
import { issueOffer, redeemOffers } from './offers.js';
import { stablePercent } from './stable-hash.js';

/** Within one instant: events first, then waits ending, then entries. */
const phase = { event: 0, resume: 1, entry: 2 } as const;

/**
 * Runs journeys for a set of members over time. The caller adds events and
 * plans days, then advances the clock; every decision goes to the listener.
 * Deterministic: the same program, members and events give the same calls.
 */
export class JourneyEngine {
  private readonly agenda = new Agenda<Task>();
  /**
   * Per member, made on first need. Kept dense (an entry for every member,
   * undefined until needed): an array written at scattered indices turns into
   * a hash table, and the daily passes over millions of members read it once
   * per member per journey.
   */
  private readonly states: (MemberState | undefined)[] = [];
  private readonly context: ConditionContext;
  private readonly byEvent = new Map<string, ProgramJourney[]>();
  private readonly segmentMembership = new Map<ProgramJourney, Uint8Array>();
  private readonly answers = new EntryAnswers();
  private pending: PendingSend[] = [];
  /**
   * How long a sent message counts for caps: the longest cap window, plus
   * two days of slack for clock changes (a whole-day window reaches back to
   * the same local time, an hour more or less). Older sends are forgotten.
   */
  private readonly sendMemoryMs: number;
  /**
   * `channel:category` of the sends some cap counts. Only those are kept:
   * most messages (order and delivery) count for none.
   */
  private readonly capped = new Set<string>();
  private seq = 0;
  private now = 0;

  constructor(
    readonly program: Program,
    readonly members: readonly Record<string, unknown>[],
    private readonly listener: EngineListener = {},
  ) {
    // Copies: an object built key by key (as the Program's segment table is)
    // falls back to a slow hash table past a dozen keys, and compiled
    // conditions look segments and parameters up for every member. Spread
    // copies get fast properties however many keys there are.
    this.context = {
      member: {},
      event: null,
      offer: null,
      params: { ...program.params },
      segments: { ...program.segments },
      now: 0,
      today: 0,
      timeZone: program.timeZone,
    };
    for (let index = 0; index < members.length; index++) {
      this.states.push(undefined);
    }
    let longestCap = 0;
    for (const cap of program.policy.caps) {
      longestCap = Math.max(longestCap, cap.windowMs);
      for (const channel of cap.channels)
        for (const category of cap.categories)
          this.capped.add(`${channel}:${category}`);
    }
    this.sendMemoryMs = longestCap + 2 * 86_400_000;
    for (const journey of program.journeys) {
      const events = [
        journey.entry.kind === 'event' ? journey.entry.event : undefined,
      ];
      for (const event of events) {
        if (event !== undefined)
          this.byEvent.set(event, [
            ...(this.byEvent.get(event) ?? []),
            journey,
          ]);
      }
    }
  }

  /** Queues an event for a member; `event.at` says when it happens. */
  addEvent(memberIndex: number, event: Record<string, unknown>): void {
    this.agenda.add(Number(event['at']), phase.event, {
      kind: 'event',
      memberIndex,
      event,
    });
  }

  /**
   * Plans the scheduled and segment entries of a local day. Segment
   * journeys take the membership at their first planned day as the baseline:
   * only members who enter the segment later enter the journey.
   */
  planDay(day: number): void {
    const zone = this.program.timeZone;
    const dayStart = zone.toEpoch(day, 0);
    const plans: PlannedEntry[] = [];
    const baselines: [ProgramJourney, PlannedEntry][] = [];
    for (const journey of this.program.journeys) {
      const { entry } = journey;
      if (entry.kind === 'event') continue;
      if (entry.kind === 'schedule' && !runsOn(entry, day)) continue;
      const condition =
        entry.kind === 'schedule'
          ? entry.audience
          : (this.program.segments[entry.segment] ?? null);
      if (entry.kind === 'segment' && !this.segmentMembership.has(journey)) {
        const baseline = planEntry(journey, dayStart, condition);
        baselines.push([journey, baseline]);
        plans.push(baseline);
      }
      const plan = planEntry(
        journey,
        zone.toEpoch(day, entry.atMinute),
        condition,
      );
      plans.push(plan);
      this.agenda.add(plan.at, phase.entry, { kind: 'entry', plan });
    }
    this.answerAhead(plans, day);
    for (const [journey, baseline] of baselines)
      this.segmentMembership.set(journey, baseline.answers);
  }

  /**
   * Answers the day's entry conditions for every member in one pass (see
   * EntryAnswers), and on the way tidies a seventh of the members, a
   * different seventh each day: their state, and the items of their lists
   * past the retention. Reading a member costs a cache miss, and a week is
   * soon enough for what tidying drops.
   */
  private answerAhead(plans: readonly PlannedEntry[], day: number): void {
    const upkeep = stateUpkeep(this.program, this.now, this.sendMemoryMs);
    const { retainedLists } = this.program;
    const turn = ((day % 7) + 7) % 7;
    const now = this.now;
    this.answers.answer(plans, this.members, this.context, day, (index) => {
      if (index % 7 !== turn) return;
      const state = this.states[index];
      if (state !== undefined && tidyMemberState(state, upkeep))
        this.states[index] = undefined;
      const member = this.members[index];
      if (member === undefined) return;
      for (const list of retainedLists) dropPastItems(member, list, now);
    });
    this.setNow(this.now);
  }

  /** Whether a planned entry's condition holds for a member now. */
  private holds(plan: PlannedEntry, index: number): boolean {
    return this.answers.holds(plan, index, this.members, this.context);
  }

  /** Runs every task due before `time`. */
  runUntil(time: number): void {
    for (
      let next = this.agenda.peekTime();
      next !== undefined && next < time;
      next = this.agenda.peekTime()
    ) {
      const due = this.agenda.takeEarliest();
      if (due === undefined) break;
      this.setNow(due.time);
      for (const task of due.tasks) this.handle(task);
      this.flushSends();
    }
  }

  /**
   * The engine's state as JSON values, between two days (after `runUntil`
   * the start of a day), for a later engine to `restore`.
   */
  save(): EngineSnapshot {
    return saveEngine(this.parts(), this.program);
  }

  /**
   * Takes up a saved state, before this engine has planned or run
   * anything; its members must be those of the engine that saved it, in
   * the same order (new ones may follow). `upgrade`: another program saved
   * it, and members leave the journeys that changed (engine-restore.ts).
   */
  restore(snapshot: EngineSnapshot, upgrade = false): RestoreOutcome {
    const parts = this.parts();
    const outcome = restoreEngine(parts, this.program, snapshot, upgrade);
    this.seq = parts.seq;
    this.setNow(parts.now);
    return outcome;
  }

  private parts(): EngineParts {
    return {
      agenda: this.agenda,
      states: this.states,
      segments: this.segmentMembership,
      memberCount: this.members.length,
      now: this.now,
      seq: this.seq,
    };
  }

  /** The journeys a member is in now. */
  activeJourneys(memberIndex: number): string[] {
    return (this.states[memberIndex]?.instances ?? []).map(
      (instance) => instance.journey.id,
    );
  }

  private setNow(time: number): void {
    this.now = time;
    this.context.now = time;
    this.context.today = this.program.timeZone.localDay(time);
  }

  private handle(task: Task): void {
    switch (task.kind) {
      case 'event':
        return this.handleEvent(task.memberIndex, task.event);
      case 'wake':
        if (task.token === task.instance.token && !task.instance.done)
          this.run(task.instance);
        return;
      case 'timeout':
        return this.handleTimeout(task.instance, task.token);
      case 'reminder':
        return this.handleReminder(task.memberIndex, task.offer, task.index);
      case 'deliver':
        this.pending.push(task.send);
        return;
      case 'entry':
        return task.plan.journey.entry.kind === 'segment'
          ? this.enterBySegment(task.plan)
          : this.enterBySchedule(task.plan);
    }
  }

  private handleEvent(
    memberIndex: number,
    event: Record<string, unknown>,
  ): void {
    const member = this.members[memberIndex];
    if (member === undefined) return;
    const type = String(event['type']);
    const effect = this.program.eventEffects.get(type);
    if (effect !== undefined) {
      effect(this.useContext(memberIndex, event, null));
      this.answers.changed(memberIndex);
    }

    // A member without state has no offers or instances and may enter any
    // journey; most events happen to such members, so no state is made for
    // them here (enter makes it when needed).
    const state = this.states[memberIndex];
    if (state !== undefined && type === this.program.purchaseEvent)
      redeemOffers(state.offers, event, this.now, this.program.offers);
    if (state !== undefined && state.instances.length > 0) {
      for (const instance of [...state.instances])
        this.applyEventToInstance(instance, type, event);
    }
    for (const journey of this.byEvent.get(type) ?? []) {
      const current = this.states[memberIndex];
      if (
        journey.entry.kind !== 'event' ||
        (current !== undefined && !this.canEnter(current, journey))
      )
        continue;
      this.useContext(memberIndex, event, null);
      if (
        journey.entry.when === null ||
        journey.entry.when(this.context) === true
      ) {
        this.enter(memberIndex, journey, event);
      }
    }
  }

  private applyEventToInstance(
    instance: Instance,
    type: string,
    event: Record<string, unknown>,
  ): void {
    if (instance.done) return;
    const { journey } = instance;
    this.useContext(instance.memberIndex, event, instance.offer);
    for (const rule of journey.exitEvents) {
      if (
        rule.event === type &&
        (rule.when === null || rule.when(this.context) === true)
      ) {
        return this.leave(instance, 'exit');
      }
    }
    const { goal } = journey;
    if (
      goal !== null &&
      goal.event === type &&
      this.now <= instance.enteredAt + goal.withinMs
    ) {
      if (goal.when === null || goal.when(this.context) === true)
        return this.leave(instance, 'goal');
    }
    const instruction = journey.code[instance.pc];
    if (instance.waitingFor !== type || instruction?.op !== 'wait_event')
      return;
    if (instruction.when === null || instruction.when(this.context) === true) {
      instance.waitingFor = null;
      instance.token++;
      instance.pc = instruction.onEvent;
      this.took(instance, instruction.step, 'event');
      this.run(instance);
    }
  }

  private handleTimeout(instance: Instance, token: number): void {
    if (token !== instance.token || instance.done) return;
    const instruction = instance.journey.code[instance.pc];
    if (instruction?.op !== 'wait_event') return;
    instance.waitingFor = null;
    instance.token++;
    instance.pc = instruction.onTimeout;
    this.took(instance, instruction.step, 'timeout');
    this.run(instance);
  }

  private handleReminder(
    memberIndex: number,
    offer: IssuedOffer,
    index: number,
  ): void {
    const reminder = this.program.offers.get(offer.id)?.reminders[index];
    if (reminder === undefined || offer.redeemed) return;
    this.pending.push({
      memberIndex,
      journey: offer.journey,
      step: `${offer.id}.reminder.${index}`,
      channel: reminder.channel,
      template: reminder.template,
      offer: null,
      category: offer.journey.category,
      instance: null,
      reminded: offer,
      seq: this.seq++,
    });
  }

  private enterBySchedule(plan: PlannedEntry): void {
    const { journey } = plan;
    this.context.event = null;
    this.context.offer = null;
    // The answers first: most members are out, and a typed array is read
    // far faster than their state.
    for (let index = 0; index < this.members.length; index++) {
      if (!this.holds(plan, index)) continue;
      const state = this.states[index];
      if (state === undefined || this.canEnter(state, journey))
        this.enter(index, journey, null);
    }
  }

  /**
   * Enters the members who came into the journey's segment since the last
   * look. Members added since then (who joined) were in no segment before:
   * they enter if they are in it now.
   */
  private enterBySegment(plan: PlannedEntry): void {
    const { journey } = plan;
    let membership = this.segmentMembership.get(journey);
    if (membership === undefined || plan.condition === null) return;
    if (membership.length < this.members.length) {
      const grown = new Uint8Array(this.members.length);
      grown.set(membership);
      membership = grown;
      this.segmentMembership.set(journey, membership);
    }
    this.context.event = null;
    this.context.offer = null;
    for (let index = 0; index < this.members.length; index++) {
      const inside = this.holds(plan, index) ? 1 : 0;
      const entered = inside === 1 && membership[index] === 0;
      membership[index] = inside;
      const state = this.states[index];
      if (entered && (state === undefined || this.canEnter(state, journey)))
        this.enter(index, journey, null);
    }
  }

  private canEnter(state: MemberState, journey: ProgramJourney): boolean {
    for (const instance of state.instances)
      if (instance.journey === journey) return false;
    const last = lastEntry(state.lastEntered, journey.index);
    if (last === undefined || journey.reEntryAfterMs === 0) return true;
    if (journey.reEntryAfterMs < 0) return false;
    // Like caps, whole days count as local days across clock changes.
    return last <= windowStart(this.program, journey.reEntryAfterMs, this.now);
  }

  private enter(
    memberIndex: number,
    journey: ProgramJourney,
    event: Record<string, unknown> | null,
  ): void {
    const state = this.state(memberIndex);
    setLastEntry(state, journey.index, this.now);
    const instance: Instance = {
      journey,
      memberIndex,
      enteredAt: this.now,
      event,
      pc: journey.start,
      offer: null,
      token: 0,
      waitingFor: null,
      done: false,
    };
    state.instances = withItem(state.instances, instance);
    this.listener.onEnter?.(this.memberId(memberIndex), journey.id, this.now);
    this.run(instance);
  }

  private leave(instance: Instance, reason: string): void {
    if (instance.done) return;
    instance.done = true;
    instance.token++;
    const state = this.state(instance.memberIndex);
    state.instances.splice(state.instances.indexOf(instance), 1);
    if (state.instances.length === 0) state.instances = nothing();
    this.listener.onLeave?.(
      this.memberId(instance.memberIndex),
      instance.journey.id,
      this.now,
      reason,
    );
  }

  /** Steps an instance forward until it waits, sends or leaves. */
  private run(instance: Instance): void {
    const { journey } = instance;
    const context = this.useContext(
      instance.memberIndex,
      instance.event,
      instance.offer,
    );
    while (!instance.done) {
      for (const condition of journey.exitConditions) {
        if (condition(context) === true) return this.leave(instance, 'exit');
      }
      const instruction = journey.code[instance.pc];
      if (instruction === undefined) return this.leave(instance, 'completed');
      switch (instruction.op) {
        case 'send':
          this.pending.push({
            memberIndex: instance.memberIndex,
            journey,
            step: instruction.step,
            channel: instruction.channel,
            template: instruction.template,
            offer: instruction.offer,
            category: instruction.category ?? journey.category,
            instance,
            reminded: null,
            seq: this.seq++,
          });
          return;
        case 'wait_duration':
          return this.sleep(
            instance,
            this.now + instruction.ms,
            instruction.next,
          );
        case 'wait_until':
          return this.sleep(
            instance,
            this.nextTimeOfDay(instruction.minute),
            instruction.next,
          );
        case 'wait_event':
          instance.waitingFor = instruction.event;
          instance.token++;
          this.agenda.add(this.now + instruction.timeoutMs, phase.resume, {
            kind: 'timeout',
            instance,
            token: instance.token,
          });
          return;
        case 'branch': {
          const taken = instruction.when(context) === true;
          instance.pc = taken ? instruction.then : instruction.else;
          this.took(instance, instruction.step, taken ? 'then' : 'else');
          break;
        }
        case 'split': {
          const memberId = this.memberId(instance.memberIndex);
          const position = stablePercent(
            `${memberId}/${journey.id}/${instruction.step}`,
          );
          const variant = instruction.variants.find(
            (candidate) => position < candidate.upTo,
          );
          this.took(instance, instruction.step, variant?.id ?? 'holdout');
          if (variant === undefined) return this.leave(instance, 'holdout');
          instance.pc = variant.start;
          break;
        }
        case 'update':
          for (const assignment of instruction.assignments) {
            assignAttribute(
              context.member,
              assignment.attribute,
              assignment.value(context),
            );
          }
          this.answers.changed(instance.memberIndex);
          instance.pc = instruction.next;
          break;
        case 'exit':
          return this.leave(instance, instruction.reason);
        case 'end':
          return this.leave(instance, 'completed');
      }
    }
  }

  /** Tells the listener which way a member went at a branching step. */
  private took(instance: Instance, step: string, path: string): void {
    const member = this.memberId(instance.memberIndex);
    this.listener.onPath?.(member, instance.journey.id, step, path);
  }

  private sleep(instance: Instance, until: number, next: number): void {
    instance.pc = next;
    instance.token++;
    this.agenda.add(until, phase.resume, {
      kind: 'wake',
      instance,
      token: instance.token,
    });
  }

  /** The next instant strictly after now at a local time of day. */
  private nextTimeOfDay(minute: number): number {
    const zone = this.program.timeZone;
    const today = zone.toEpoch(this.context.today, minute);
    return today > this.now
      ? today
      : zone.toEpoch(this.context.today + 1, minute);
  }

  /** Decides every pending send of this instant, most important first. */
  private flushSends(): void {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      batch.sort(
        (a, b) =>
          a.memberIndex - b.memberIndex ||
          a.journey.rank - b.journey.rank ||
          a.seq - b.seq,
      );
      for (const send of batch) this.decide(send);
    }
  }

  private decide(send: PendingSend): void {
    const state = this.state(send.memberIndex);
    const context = this.useContext(
      send.memberIndex,
      send.instance?.event ?? null,
      send.instance?.offer ?? null,
    );
    // A send deferred past quiet hours is void once its member has left
    // the journey (a goal reached or an exit in the meantime).
    const left = send.instance?.done === true;
    const decision: Decision = left
      ? { outcome: 'held_back', channel: send.channel, rule: 'left_journey' }
      : decideSend(this.program, send, state, context, this.now);
    const offer =
      decision.outcome === 'sent' && send.offer !== null
        ? this.issue(send, state)
        : null;
    const record: SendRecord = {
      at: this.now,
      member: this.memberId(send.memberIndex),
      journey: send.journey.id,
      step: send.step,
      category: send.category,
      channel: decision.channel,
      template: send.template,
      offer: send.offer,
      offerCode: offer?.code ?? null,
      outcome: decision.outcome,
      rule: decision.rule,
    };
    this.listener.onSend?.(record, {
      event: send.instance?.event ?? null,
      offer: offer ?? send.reminded,
    });
    if (decision.outcome === 'deferred') {
      const at = nextQuietEnd(this.program, decision.channel, this.now);
      this.agenda.add(at, phase.resume, {
        kind: 'deliver',
        send: { ...send, seq: this.seq++ },
      });
      return;
    }
    if (
      decision.outcome === 'sent' &&
      this.capped.has(`${decision.channel}:${send.category}`)
    ) {
      forgetBefore(state.sends, this.now - this.sendMemoryMs);
      state.sends = withItem(state.sends, {
        at: this.now,
        channel: decision.channel,
        category: send.category,
      });
    }
    this.continueAfterSend(send, decision);
  }

  private issue(send: PendingSend, state: MemberState): IssuedOffer | null {
    const definition =
      send.offer === null ? undefined : this.program.offers.get(send.offer);
    if (definition === undefined) return null;
    const offer = issueOffer(
      definition,
      send.journey,
      this.memberId(send.memberIndex),
      this.now,
    );
    forgetExpiredOffers(state, this.now, this.program.offers);
    state.offers = withItem(state.offers, offer);
    if (send.instance !== null) send.instance.offer = offer;
    definition.reminders.forEach((reminder, index) => {
      const at = offer.expires_at - reminder.beforeExpiryMs;
      if (at > this.now) {
        this.agenda.add(at, phase.resume, {
          kind: 'reminder',
          memberIndex: send.memberIndex,
          offer,
          index,
        });
      }
    });
    return offer;
  }

  private continueAfterSend(send: PendingSend, decision: Decision): void {
    const { instance } = send;
    if (instance === null || instance.done) return;
    if (decision.outcome === 'held_back' && send.offer !== null) {
      return this.leave(instance, 'held_back');
    }
    const instruction = instance.journey.code[instance.pc];
    if (instruction?.op === 'send') instance.pc = instruction.next;
    this.run(instance);
  }

  private useContext(
    memberIndex: number,
    event: Record<string, unknown> | null,
    offer: IssuedOffer | null,
  ): ConditionContext {
    const context = this.context;
    context.member = this.members[memberIndex] as Record<string, unknown>;
    context.event = event;
    context.offer = offer as Record<string, unknown> | null;
    return context;
  }

  private state(memberIndex: number): MemberState {
    let state = this.states[memberIndex];
    if (state === undefined) {
      state = emptyMemberState();
      // Members added after construction: keep the array dense.
      while (this.states.length < memberIndex) this.states.push(undefined);
      this.states[memberIndex] = state;
    }
    return state;
  }

  private memberId(memberIndex: number): string {
    return String(this.members[memberIndex]?.['id']);
  }
}
