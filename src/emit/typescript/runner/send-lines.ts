import type { JourneyEngine } from '../../../runtime/engine.js';
import type {
  IssuedOffer,
  MessageValues,
  SendRecord,
} from '../../../runtime/engine-types.js';
import type { RenderSubject, SendLine } from './run-triggers.js';

/*
 * Shipped with the generated trigger code (as runner/send-lines.ts): the
 * engine's decisions as output lines, each email sent with its subject.
 */

/** Where decisions go, as output lines. */
export interface LineOutput<Member> {
  readonly renderSubject: RenderSubject<Member>;
  readonly onSend: (line: SendLine) => void;
}

/** Turns one engine's decisions into lines. */
export class SendLineWriter<Member> {
  /**
   * Writes a decision's line to `output`, when there is one, with the
   * subject of an email sent rendered from the values the engine gave.
   */
  decided(
    record: SendRecord,
    message: MessageValues,
    engine: JourneyEngine,
    memberIndex: number,
    output: LineOutput<Member> | undefined,
  ): void {
    if (output === undefined) return;
    const member = engine.members[memberIndex];
    const subject =
      record.outcome !== 'sent' || member === undefined
        ? null
        : output.renderSubject(record.template, {
            member: member as Member,
            at: record.at,
            journey: record.journey,
            step: record.step,
            channel: record.channel,
            offer: record.offer,
            offerCode: record.offerCode,
            event: message.event,
            offerValues: offerValues(message.offer),
          });
    output.onSend(sendLine(record, subject));
  }
}

/** An issued offer as templates see `offer`: without the engine's journey. */
function offerValues(
  offer: IssuedOffer | null,
): Readonly<Record<string, unknown>> | null {
  if (offer === null) return null;
  return {
    id: offer.id,
    code: offer.code,
    issued_at: offer.issued_at,
    expires_at: offer.expires_at,
    redeemed: offer.redeemed,
    percent: offer.percent,
    amount: offer.amount,
    minimum_purchase: offer.minimum_purchase,
  };
}

/** The output line of a decision. */
function sendLine(record: SendRecord, subject: string | null): SendLine {
  return {
    at: new Date(record.at).toISOString(),
    member: record.member,
    journey: record.journey,
    step: record.step,
    channel: record.channel,
    template: record.template,
    offer: record.offer,
    offerCode: record.offerCode,
    outcome: record.outcome,
    rule: record.rule,
    subject,
  };
}
