import { millisecondsPerHour } from '../../runtime/calendar.js';
import { carriers, stores } from './programme-facts.js';
import type { Random } from './random.js';

/*
 * The events of an online order over the weeks after it is placed:
 * placed, sometimes changed, dispatch notice, shipped, sometimes delayed,
 * ready for pickup (click and collect), review request, return.
 */

/** What order events need of the event generator. */
export interface OrderEventSink {
  /** Today's random draws. */
  draws(): Random;
  /** Emits an event now, or queues it for its day. */
  event(
    memberIndex: number,
    type: string,
    at: number,
    given: Readonly<Record<string, unknown>>,
  ): void;
  /** An instant on a day, `from` minutes after midnight plus up to `span`. */
  dayTime(day: number, from: number, span: number): number;
  /** The local day of an instant. */
  localDay(at: number): number;
  /** A number unique in the whole population, with a prefix. */
  serial(prefix: string): string;
}

/** An online order, for the events that follow it. */
interface Order {
  readonly id: string;
  readonly amount: number;
  readonly day: number;
  readonly clickAndCollect: boolean;
  readonly store: string;
}

/**
 * An online order placed at `at` and the events that follow it; `home` is
 * the member's store, where click and collect orders go.
 */
export function placeOrder(
  sink: OrderEventSink,
  memberIndex: number,
  at: number,
  amount: number,
  home: unknown,
): void {
  const random = sink.draws();
  const clickAndCollect = random.chance(0.35);
  const order: Order = {
    id: sink.serial('O'),
    amount,
    day: sink.localDay(at),
    clickAndCollect,
    store: typeof home === 'string' ? home : random.pickWeighted(stores),
  };
  sink.event(memberIndex, 'order_placed', at, {
    order_id: order.id,
    amount,
    delivery: clickAndCollect ? 'click_and_collect' : 'home_delivery',
    pickup_store: clickAndCollect ? order.store : null,
  });
  if (random.chance(0.03)) {
    const changedAt = at + (2 + random.int(4)) * millisecondsPerHour;
    sink.event(memberIndex, 'order_changed', changedAt, {
      order_id: order.id,
      item_name: 'Item',
      new_amount: Math.round(amount * 0.7),
    });
  }
  delivery(sink, memberIndex, order);
  afterDelivery(sink, memberIndex, order);
}

function delivery(
  sink: OrderEventSink,
  memberIndex: number,
  order: Order,
): void {
  const random = sink.draws();
  const { id, day } = order;
  const expected = day + 2 + random.int(2);
  sink.event(
    memberIndex,
    'order_dispatch_soon',
    sink.dayTime(day + 1, 360, 360),
    {
      order_id: id,
      expected_delivery: expected,
    },
  );
  sink.event(memberIndex, 'order_shipped', sink.dayTime(day + 1, 720, 480), {
    order_id: id,
    carrier: random.pick(carriers),
    tracking_url: `https://track.example.se/${id}`,
  });
  if (random.chance(0.04)) {
    sink.event(memberIndex, 'order_delayed', sink.dayTime(day + 2, 480, 600), {
      order_id: id,
      new_expected_delivery: expected + 2 + random.int(3),
    });
  }
}

function afterDelivery(
  sink: OrderEventSink,
  memberIndex: number,
  order: Order,
): void {
  const random = sink.draws();
  const { id, day } = order;
  if (order.clickAndCollect) {
    const pickup = {
      order_id: id,
      store: order.store,
      pickup_code: String(100_000 + random.int(900_000)),
    };
    const collectBy = day + 9;
    sink.event(
      memberIndex,
      'order_ready_for_pickup',
      sink.dayTime(day + 2, 600, 480),
      { ...pickup, collect_by: collectBy },
    );
    if (random.chance(0.3)) {
      sink.event(
        memberIndex,
        'pickup_reminder_due',
        sink.dayTime(collectBy - 2, 600, 60),
        { ...pickup, collect_by: collectBy },
      );
    }
  }
  if (random.chance(0.4)) {
    sink.event(
      memberIndex,
      'review_request_due',
      sink.dayTime(day + 10, 600, 600),
      {
        order_id: id,
        product_name: 'Product',
        review_url: `https://www.example.se/review/${id}`,
      },
    );
  }
  if (random.chance(0.1)) {
    sink.event(
      memberIndex,
      'return_received',
      sink.dayTime(day + 12 + random.int(8), 540, 480),
      {
        order_id: id,
        return_id: `${id}-R`,
        refund_amount: Math.round(order.amount * random.uniform(0.3, 1)),
      },
    );
  }
}
