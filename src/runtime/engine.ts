import { Agenda } from './agenda.js';
import { civilFromDays } from './calendar.js';
import type { ConditionContext } from './condition-context.js';
import type {
  EngineListener,
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
import { issueOffer, redeemOffers } from './offers.js';
import { stablePercent } from './stable-hash.js';

type Task =
  | {
      readonly kind: 'event';
      readonly memberIndex: number;
      readonly event: Record<string, unknown>;
    }
  | {
      readonly kind: 'wake';
      readonly instance: Instance;
      readonly token: number;
    }
  | {
      readonly kind: 'timeout';
      readonly instance: Instance;
      readonly token: number;
    }
  | {
      readonly kind: 'reminder';
      readonly memberIndex: number;
      readonly offer: IssuedOffer;
      readonly index: number;
    }
  | { readonly kind: 'deliver'; readonly send: PendingSend }
  | { readonly kind: 'entry'; readonly plan: PlannedEntry };

/**
 * A scheduled or segment entry of a day, with its condition answered ahead
 * for every member (see answerAhead). A member changed since then is asked
 * again when the entry runs.
 */
interface PlannedEntry {
  readonly journey: ProgramJourney;
  /** When the entry runs, and so the `now` its condition is answered for. */
  readonly at: number;
  /** The audience or segment condition; null: everyone. */
  readonly condition: ((c: ConditionContext) => unknown) | null;
  /** Per member index: 1 when the condition held. */
  answers: Uint8Array;
  /** The answers are stale for members changed at or after this pass. */
  pass: number;
}

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
  /**
   * Per member index, the number of passes of answerAhead done when the
   * member last changed (an event's effects, an update step): answers from
   * a later pass still hold for it.
   */
  private changedAt = new Uint32Array(0);
  private passes = 0;
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
        const baseline = planned(journey, dayStart, condition);
        baselines.push([journey, baseline]);
        plans.push(baseline);
      }
      const plan = planned(
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
   * Answers the day's entry conditions for every member in one pass. A
   * condition reads only the member, the clock and constants, so an answer
   * holds at the entry's time unless the member changed in between; and one
   * pass reading each member once costs a fraction of a pass per entry over
   * millions of members.
   */
  private answerAhead(plans: readonly PlannedEntry[], day: number): void {
    const count = this.members.length;
    const asked = plans.filter((plan) => plan.condition !== null);
    for (const plan of plans) plan.answers = new Uint8Array(count).fill(1);
    const reEntryCutoffs = this.reEntryCutoffs();
    const context = this.context;
    context.event = null;
    context.offer = null;
    context.today = day;
    for (let index = 0; index < count; index++) {
      context.member = this.members[index] as Record<string, unknown>;
      for (const plan of asked) {
        context.now = plan.at;
        if (plan.condition?.(context) !== true) plan.answers[index] = 0;
      }
      const state = this.states[index];
      if (state !== undefined && this.tidy(state, reEntryCutoffs))
        this.states[index] = undefined;
    }
    this.passes++;
    for (const plan of plans) plan.pass = this.passes;
    this.setNow(this.now);
  }

  /**
   * Drops what a member's state no longer needs: sends older than every cap
   * window, expired offers nothing reads, and entries whose re-entry period
   * is over. True when nothing is left and the state can go. Otherwise the
   * states of everyone who ever got a message would pile up over the days.
   */
  private tidy(state: MemberState, reEntryCutoffs: Float64Array): boolean {
    forgetBefore(state.sends, this.now - this.sendMemoryMs);
    if (state.sends.length === 0) state.sends = nothing();
    this.forgetExpiredOffers(state);
    if (state.offers.length === 0) state.offers = nothing();
    state.lastEntered = entriesThatCount(state.lastEntered, reEntryCutoffs);
    return (
      state.instances.length === 0 &&
      state.sends.length === 0 &&
      state.offers.length === 0 &&
      state.lastEntered.length === 0
    );
  }

  /**
   * Per journey index, the instant at or before which an entry no longer
   * keeps a member out: -Infinity for journeys entered once only, Infinity
   * for journeys entered any time. The clock only moves forward, so an
   * entry past its cutoff never counts again.
   */
  private reEntryCutoffs(): Float64Array {
    const { journeys } = this.program;
    const cutoffs = new Float64Array(journeys.length);
    for (const journey of journeys) {
      const after = journey.reEntryAfterMs;
      cutoffs[journey.index] =
        after < 0
          ? -Infinity
          : after === 0
            ? Infinity
            : windowStart(this.program, after, this.now);
    }
    return cutoffs;
  }

  /** Whether a planned entry's condition holds for a member now. */
  private holds(plan: PlannedEntry, index: number): boolean {
    if (plan.condition === null) return true;
    if (index < plan.answers.length && (this.changedAt[index] ?? 0) < plan.pass)
      return plan.answers[index] === 1;
    this.context.member = this.members[index] as Record<string, unknown>;
    return plan.condition(this.context) === true;
  }

  /** Notes that a member's attributes changed: earlier answers are stale. */
  private changed(index: number): void {
    if (index >= this.changedAt.length) {
      const grown = new Uint32Array(
        Math.max(index + 1, this.members.length, this.changedAt.length * 2),
      );
      grown.set(this.changedAt);
      this.changedAt = grown;
    }
    this.changedAt[index] = this.passes;
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
      this.changed(memberIndex);
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

  private enterBySegment(plan: PlannedEntry): void {
    const { journey } = plan;
    const membership = this.segmentMembership.get(journey);
    if (membership === undefined || plan.condition === null) return;
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
            context.member[assignment.attribute] = assignment.value(context);
          }
          this.changed(instance.memberIndex);
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
    this.forgetExpiredOffers(state);
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

  /**
   * Drops expired offers that nothing reads any more: a purchase redeems
   * only valid offers, and only once-per-member offers are looked up after
   * they expire. Instances and reminders keep their own references.
   */
  private forgetExpiredOffers(state: MemberState): void {
    const { offers } = state;
    if (offers.length === 0) return;
    let kept = 0;
    for (let index = 0; index < offers.length; index++) {
      const offer = offers[index] as IssuedOffer;
      const expired =
        this.now > offer.expires_at &&
        this.program.offers.get(offer.id)?.oncePerMember !== true;
      if (!expired) offers[kept++] = offer;
    }
    offers.length = kept;
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
      state = {
        instances: nothing(),
        lastEntered: nothing(),
        sends: nothing(),
        offers: nothing(),
      };
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

/**
 * The empty list every member state shares until it needs one of its own;
 * frozen, so a push to it fails loudly. Most members hold nothing in most
 * lists, and the engine keeps state for millions of them.
 */
const noItems: readonly unknown[] = Object.freeze([]);

function nothing<T>(): T[] {
  return noItems as T[];
}

/**
 * `list` with `item` added, as a new list sized for its items: a push
 * reserves room for 16 more, and these lists rarely hold more than a few.
 */
function withItem<T>(list: T[], item: T): T[] {
  return list.concat([item]);
}

/** An entry of a journey at an instant, its answers not yet worked out. */
function planned(
  journey: ProgramJourney,
  at: number,
  condition: PlannedEntry['condition'],
): PlannedEntry {
  return { journey, at, condition, answers: new Uint8Array(0), pass: 0 };
}

/** When a member last entered a journey (by index), if ever. */
function lastEntry(
  entries: readonly number[],
  journeyIndex: number,
): number | undefined {
  for (let index = 0; index < entries.length; index += 2)
    if (entries[index] === journeyIndex) return entries[index + 1];
  return undefined;
}

/**
 * The entries of a list that still keep a member out of their journey (see
 * reEntryCutoffs); the same list when all do.
 */
function entriesThatCount(entries: number[], cutoffs: Float64Array): number[] {
  let expired = 0;
  for (let index = 0; index < entries.length; index += 2) {
    const at = entries[index + 1] ?? 0;
    if (at <= (cutoffs[entries[index] ?? 0] ?? Infinity)) expired++;
  }
  if (expired === 0) return entries;
  if (expired * 2 === entries.length) return nothing();
  const kept: number[] = [];
  for (let index = 0; index < entries.length; index += 2) {
    const journey = entries[index] ?? 0;
    const at = entries[index + 1] ?? 0;
    if (at > (cutoffs[journey] ?? Infinity)) kept.push(journey, at);
  }
  return kept;
}

/**
 * Records an entry. A new journey replaces the list with one two items
 * longer: push would reserve room for 16 more, and there are millions.
 */
function setLastEntry(
  state: MemberState,
  journeyIndex: number,
  at: number,
): void {
  const entries = state.lastEntered;
  for (let index = 0; index < entries.length; index += 2) {
    if (entries[index] === journeyIndex) {
      entries[index + 1] = at;
      return;
    }
  }
  state.lastEntered = entries.concat(journeyIndex, at);
}

/**
 * Drops the sends at or before `cutoff` from a list in time order (the
 * engine's clock only moves forward).
 */
function forgetBefore(sends: MemberState['sends'], cutoff: number): void {
  let old = 0;
  while (old < sends.length && (sends[old]?.at ?? Infinity) <= cutoff) old++;
  if (old > 0) sends.splice(0, old);
}

/** Whether a scheduled entry runs on a local day. */
function runsOn(
  entry: Extract<ProgramJourney['entry'], { kind: 'schedule' }>,
  day: number,
): boolean {
  switch (entry.every) {
    case 'day':
      return true;
    case 'week':
      // Day 0 (1970-01-01) was a Thursday; weekday 0 is Monday.
      return (((day + 3) % 7) + 7) % 7 === entry.weekday;
    case 'month':
      return civilFromDays(day).day === entry.dayOfMonth;
  }
}
