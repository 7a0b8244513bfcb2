import {
  millisecondsPerDay,
  millisecondsPerHour,
  millisecondsPerMinute,
} from '../../runtime/calendar.js';
import type { TimeZone } from '../../runtime/time-zone.js';
import type { EventType, MemberModel } from '../../workspace/workspace.js';
import { MemberFactory, type Member } from './generate-members.js';
import { DayClock } from './member-profile.js';
import {
  areaChoices,
  areas,
  drawPrice,
  onlineHours,
  rates,
  stores,
  weekdayFactors,
} from './programme-facts.js';
import {
  joinerIndex,
  wholeBase,
  type PopulationBlock,
} from './population-blocks.js';
import { Random, deriveSeed } from './random.js';
import { eventShape, writeEvent, type EventShape } from './event-shapes.js';
import { placeOrder, type OrderEventSink } from './order-events.js';
import { MemberTraits } from './member-traits.js';

/** Receives one generated event for the member at an index. */
export type EmitEvent = (
  memberIndex: number,
  event: Record<string, unknown>,
) => void;

/** What the generator needs besides the Model and the members. */
export interface EventGeneratorOptions {
  readonly seed: number;
  /** Local day number of the first simulated day. */
  readonly startDay: number;
  readonly timeZone: TimeZone;
  /** The block of the base `members` is; default: the whole base. */
  readonly block?: PopulationBlock;
}

/** The event types whose values the generator knows how to shape. */
const programmeEvents = new Set([
  'purchase',
  'order_placed',
  'order_changed',
  'order_dispatch_soon',
  'order_shipped',
  'order_delayed',
  'order_ready_for_pickup',
  'pickup_reminder_due',
  'review_request_due',
  'return_received',
  'member_joined',
  'email_registered',
  'email_confirmed',
  'email_bounced',
  'email_opened',
  'civic_number_missing',
  'children_opt_in',
  'bonus_unused',
  'first_bonus_earned',
  'level_changed',
  'close_to_next_level',
  'back_in_stock',
  'basket_abandoned',
  'password_reset_requested',
]);

/** An event generated earlier that happens on a later day. */
interface LaterEvent {
  readonly memberIndex: number;
  readonly event: Record<string, unknown>;
}

/**
 * Generates the population's events one local day at a time, from the
 * Model's event types: purchases (with the order events of online ones),
 * abandoned baskets, bonus, level and contact-detail events, new members
 * (appended to `members`), and a little of every other event type. Events
 * of later days (an order shipping tomorrow) wait in a queue that never
 * holds more than a few weeks. Deterministic: days must be generated in
 * order, and the same seed gives the same events.
 */
export class EventGenerator {
  /** Events generated so far, per type. */
  readonly counts = new Map<string, number>();
  private readonly shapes = new Map<string, EventShape>();
  private readonly factory: MemberFactory;
  private readonly clock: DayClock;
  private readonly traits: MemberTraits;
  private readonly later = new Map<number, LaterEvent[]>();
  private random = new Random(0);
  private emit: EmitEvent = () => undefined;
  private day = 0;
  private orders = 0;
  private readonly block: PopulationBlock;
  /** Whether purchases add to spend_12m themselves (an event effect). */
  private readonly spendApplied: boolean;
  /** This generator as order events see it (order-events.ts). */
  private readonly orderEvents: OrderEventSink = {
    draws: () => this.random,
    event: (memberIndex, type, at, given) =>
      this.event(memberIndex, type, at, given),
    dayTime: (day, from, span) => this.dayTime(day, from, span),
    localDay: (at) => this.clock.zone.localDay(at),
    serial: (prefix) => this.serial(prefix),
  };

  constructor(
    model: MemberModel,
    private readonly members: Member[],
    private readonly options: EventGeneratorOptions,
  ) {
    this.block = options.block ?? wholeBase(members.length);
    this.clock = new DayClock(options.timeZone, options.startDay);
    this.factory = new MemberFactory(model, options);
    for (const [name, event] of model.events) {
      this.shapes.set(name, eventShape(event, this.clock));
    }
    this.traits = new MemberTraits(members, this.clock.at(options.startDay, 0));
    this.spendApplied = updates(model.events.get('purchase'), 'spend_12m');
  }

  /** Emits the events of one local day, after those of the day before. */
  generateDay(day: number, emit: EmitEvent): void {
    this.random = new Random(
      deriveSeed(this.options.seed, day, this.block.index),
      0x65766e74,
    );
    this.emit = emit;
    this.day = day;
    for (const waiting of this.later.get(day) ?? []) {
      this.send(waiting.memberIndex, waiting.event);
    }
    this.later.delete(day);
    // Once the engine has applied yesterday's purchases to spend_12m, the
    // generator only needs to add today's to see levels change.
    if (this.spendApplied) this.traits.forgetSpend();

    this.generatePurchases();
    this.generateBaskets();
    this.generateMemberEvents();
    this.generateJoins();
    this.generateOtherEvents();
  }

  /**
   * Members keep buying as often as they did in the last 12 months, so that
   * a history the Model keeps for two years stays as long as it was: the
   * day's purchases are the base's year divided by 365, less the baskets
   * bought after all (those are purchases too).
   */
  private generatePurchases(): void {
    const recovered =
      this.traits.active * rates.basketAbandoned * rates.basketRecovered;
    const daily = this.traits.yearlyPurchases / 365 - recovered;
    const count = this.dailyCount(Math.max(daily, 0), 1);
    for (let n = 0; n < count; n++) {
      const memberIndex = this.traits.pickActive(this.random);
      const online = this.random.chance(this.traits.onlineShare(memberIndex));
      this.purchase(memberIndex, this.timeOfDay(online), online);
    }
  }

  private generateBaskets(): void {
    if (!this.shapes.has('basket_abandoned')) return;
    const count = this.dailyCount(this.traits.active, rates.basketAbandoned);
    for (let n = 0; n < count; n++) {
      const memberIndex = this.traits.pickActive(this.random);
      const at = this.timeOfDay(true);
      const value = drawPrice(
        this.random,
        this.random.pickWeighted(areaChoices),
      );
      const basket = this.serial('B');
      this.event(memberIndex, 'basket_abandoned', at, {
        basket_id: basket,
        item_count: 1 + this.random.int(5),
        value,
        basket_url: `https://www.example.se/basket/${basket}`,
      });
      if (this.random.chance(rates.basketRecovered)) {
        const minutes = 10 + this.random.int(350);
        this.purchase(memberIndex, at + minutes * millisecondsPerMinute, true);
      }
    }
  }

  /** Events that happen to a share of all members, one kind each. */
  private generateMemberEvents(): void {
    this.sample('back_in_stock', rates.backInStock, true, (index, at) => {
      const product = this.serial('P');
      this.event(index, 'back_in_stock', at, {
        product_id: product,
        product_name: `Product ${product}`,
        product_url: `https://www.example.se/p/${product}`,
        price: drawPrice(this.random, this.random.pickWeighted(areaChoices)),
      });
    });
    this.sample('bonus_unused', rates.bonusUnused, false, (index, at) => {
      const amount = this.traits.number(index, 'bonus_balance');
      if (amount === undefined || amount <= 0) return;
      this.event(index, 'bonus_unused', at, {
        amount,
        expires_on: this.day + 30,
      });
    });
    this.sample('children_opt_in', rates.childrenOptIn, false, (index, at) => {
      this.event(index, 'children_opt_in', at, {
        channel: this.channelName(at),
      });
    });
    this.sample(
      'password_reset_requested',
      rates.passwordReset,
      true,
      (index, at) => {
        this.event(index, 'password_reset_requested', at, {
          reset_url: `https://www.example.se/reset/${this.serial('R')}`,
          valid_until: at + millisecondsPerHour,
        });
      },
    );
    this.generateContactEvents();
    this.generateLevelReviews();
  }

  private generateContactEvents(): void {
    this.sample('email_bounced', rates.emailBounced, true, (index, at) => {
      const email = this.members[index]?.['email'];
      if (typeof email !== 'string') return;
      const bounceType = this.random.chance(0.5) ? 'hard' : 'soft';
      this.event(index, 'email_bounced', at, {
        email,
        bounce_type: bounceType,
      });
    });
    // Readers keep reading: a member who opened an e-mail in the last six
    // months opens again now and then, others seldom.
    this.sample('email_opened', rates.emailOpened, true, (index, at) => {
      const member = this.members[index];
      if (typeof member?.['email'] !== 'string') return;
      if (member['email_quarantined'] === true) return;
      const last = member['last_email_open_at'];
      const reader =
        typeof last === 'number' && at - last <= 180 * millisecondsPerDay;
      if (!reader && !this.random.chance(rates.emailReopened)) return;
      this.event(index, 'email_opened', at, { template: null });
    });
    this.sample(
      'email_registered',
      rates.emailRegistered,
      true,
      (index, at) => {
        if (typeof this.members[index]?.['email'] === 'string') return;
        const number = this.memberNumber(index);
        this.registerEmail(index, at, `member.${number}@example.se`, 'profile');
      },
    );
  }

  private generateLevelReviews(): void {
    this.sample('level_changed', rates.levelReview, false, (index, at) => {
      const from = this.members[index]?.['level'];
      const to =
        from === 'plus10000'
          ? 'plus1500'
          : from === 'plus1500'
            ? 'member'
            : null;
      if (to === null) return;
      this.event(index, 'level_changed', at, {
        from,
        to,
        direction: 'down',
        reason: 'yearly_review',
      });
    });
  }

  /** New members join; they are appended to the population. */
  private generateJoins(): void {
    if (!this.shapes.has('member_joined')) return;
    const count = this.dailyCount(this.traits.base, rates.memberJoined);
    for (let n = 0; n < count; n++) {
      const online = this.random.chance(0.3);
      const at = this.timeOfDay(online);
      const index = this.members.length;
      const number = this.memberNumber(index);
      const member = this.factory.joining(number, at, online, this.random);
      this.members.push(member);
      this.traits.addMember(member, online);
      this.joined(index, member, at, online);
    }
  }

  private joined(
    index: number,
    member: Member,
    at: number,
    online: boolean,
  ): void {
    const store = online ? null : member['store'];
    this.event(index, 'member_joined', at, {
      channel: online ? 'online' : 'store',
      store,
    });
    const minute = millisecondsPerMinute;
    const email = member['email'];
    if (typeof email === 'string')
      this.registerEmail(index, at + minute, email, 'signup');
    if (member['civic_number_valid'] === false) {
      const reason = member['birth_date'] === null ? 'missing' : 'invalid';
      this.event(index, 'civic_number_missing', at + 2 * minute, { reason });
    }
    if (!online && this.random.chance(0.7))
      this.purchase(index, at + 3 * minute, false);
  }

  private registerEmail(
    index: number,
    at: number,
    email: string,
    source: string,
  ): void {
    this.event(index, 'email_registered', at, {
      email,
      source,
      confirm_url: `https://www.example.se/confirm/${this.serial('C')}`,
    });
    if (this.random.chance(rates.emailConfirmed)) {
      const delay = (5 + this.random.int(3 * 24 * 60)) * millisecondsPerMinute;
      this.event(index, 'email_confirmed', at + delay, { email });
    }
  }

  /** Event types the programme does not know: a few of each, values by type. */
  private generateOtherEvents(): void {
    for (const name of this.shapes.keys()) {
      if (programmeEvents.has(name)) continue;
      this.sample(name, rates.otherEvent, false, (index, at) =>
        this.event(index, name, at, {}),
      );
    }
  }

  /** A purchase, with what follows it: order events, bonus and levels. */
  private purchase(memberIndex: number, at: number, online: boolean): void {
    const random = this.random;
    const area = this.traits.area(memberIndex, random);
    const amount = drawPrice(random, area);
    const home = this.members[memberIndex]?.['store'];
    const store = online
      ? null
      : typeof home === 'string' && random.chance(0.85)
        ? home
        : random.pickWeighted(stores);
    this.event(memberIndex, 'purchase', at, {
      amount,
      area: areas[area],
      channel: online ? 'online' : 'store',
      store,
      offer_id: null,
    });
    if (online) this.order(memberIndex, at, amount);
    this.afterPurchase(memberIndex, at + millisecondsPerMinute, amount);
  }

  /** The loyalty system's events after a purchase. */
  private afterPurchase(memberIndex: number, at: number, amount: number): void {
    const traits = this.traits;
    if (traits.firstBonus(memberIndex)) {
      this.event(memberIndex, 'first_bonus_earned', at, {
        amount: Math.max(1, Math.round(amount * 0.02)),
      });
    }
    const change = traits.addSpend(memberIndex, amount);
    if (change !== null) {
      this.event(memberIndex, 'level_changed', at, {
        ...change,
        direction: 'up',
        reason: 'purchase',
      });
      return;
    }
    const close = traits.closeToNextLevel(memberIndex);
    if (close !== null && this.random.chance(0.7)) {
      this.event(
        memberIndex,
        'close_to_next_level',
        at + millisecondsPerMinute,
        close,
      );
    }
  }

  /** An online order and the events that follow it over the next weeks. */
  private order(memberIndex: number, at: number, amount: number): void {
    if (!this.shapes.has('order_placed')) return;
    const home = this.members[memberIndex]?.['store'];
    placeOrder(this.orderEvents, memberIndex, at, amount, home);
  }

  /**
   * Emits an event of the Model now or queues it for its day. Values the
   * Model's field does not accept, and fields not given, get type defaults;
   * event types the Model lacks are skipped.
   */
  private event(
    memberIndex: number,
    type: string,
    at: number,
    given: Readonly<Record<string, unknown>>,
  ): void {
    const shape = this.shapes.get(type);
    if (shape === undefined) return;
    const built = writeEvent(shape, type, at, given, this.random);
    const day = this.clock.zone.localDay(at);
    if (day <= this.day) return this.send(memberIndex, built);
    let waiting = this.later.get(day);
    if (waiting === undefined) {
      waiting = [];
      this.later.set(day, waiting);
    }
    waiting.push({ memberIndex, event: built });
  }

  private send(memberIndex: number, event: Record<string, unknown>): void {
    const type = String(event['type']);
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    this.emit(memberIndex, event);
  }

  /** Calls `generate` for a day's share of members, if the Model has the event. */
  private sample(
    type: string,
    rate: number,
    online: boolean,
    generate: (memberIndex: number, at: number) => void,
  ): void {
    if (!this.shapes.has(type)) return;
    const count = this.dailyCount(this.traits.base, rate);
    for (let n = 0; n < count; n++) {
      generate(this.random.int(this.traits.base), this.timeOfDay(online));
    }
  }

  /** How many of `population` do something today at a daily `rate`. */
  private dailyCount(population: number, rate: number): number {
    const weekday = weekdayFactors[(((this.day + 3) % 7) + 7) % 7] ?? 1;
    const expected =
      population * rate * weekday * this.random.uniform(0.9, 1.1);
    return Math.floor(expected) + (this.random.chance(expected % 1) ? 1 : 0);
  }

  /** A time today: store opening hours, or online hours. */
  private timeOfDay(online: boolean): number {
    if (online) {
      const hour = this.random.pickWeighted(onlineHours);
      return this.dayTime(this.day, hour * 60, 60);
    }
    const weekend = (((this.day + 3) % 7) + 7) % 7 >= 5;
    return this.dayTime(this.day, 600, weekend ? 480 : 600);
  }

  /** An instant on a day, `from` minutes after midnight plus up to `span`. */
  private dayTime(day: number, from: number, span: number): number {
    return this.clock.at(day, from + this.random.int(span));
  }

  private channelName(at: number): string {
    return this.clock.zone.localMinuteOfDay(at) < 600 || this.random.chance(0.5)
      ? 'online'
      : 'store';
  }

  /** The member index in the whole base of a member of the block. */
  private memberNumber(index: number): number {
    const { block } = this;
    return index < block.count
      ? block.first + index
      : joinerIndex(block, index - block.count);
  }

  /** A number unique in the whole population, not only in the block. */
  private serial(prefix: string): string {
    this.orders++;
    const number = this.orders * this.block.blocks + this.block.index;
    return [prefix, String(number)].join('');
  }
}

/** Whether an event type's effects update an attribute. */
function updates(event: EventType | undefined, attribute: string): boolean {
  return (event?.effects ?? []).some(
    (effect) => effect.kind === 'update' && effect.attribute === attribute,
  );
}
