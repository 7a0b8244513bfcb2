import type { SendRecord } from '../runtime/engine-types.js';

/** One line of a member's story in a simulation, in time order. */
export type TimelineEntry =
  | ({ readonly kind: 'send' } & SendRecord)
  | {
      readonly kind: 'enter';
      readonly at: number;
      readonly member: string;
      readonly journey: string;
    }
  | {
      readonly kind: 'leave';
      readonly at: number;
      readonly member: string;
      readonly journey: string;
      readonly reason: string;
    };

/** Collects everything the engine decides, in order, as a timeline. */
export class TimelineRecorder {
  readonly entries: TimelineEntry[] = [];

  onSend(record: SendRecord): void {
    this.entries.push({ kind: 'send', ...record });
  }

  onEnter(member: string, journey: string, at: number): void {
    this.entries.push({ kind: 'enter', at, member, journey });
  }

  onLeave(member: string, journey: string, at: number, reason: string): void {
    this.entries.push({ kind: 'leave', at, member, journey, reason });
  }
}
