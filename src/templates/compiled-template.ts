import type { RenderContext } from './render-context.js';
import type { SmsEncoding } from './sms-encoding.js';

/** An email template, compiled once and rendered per member. */
export interface CompiledEmail {
  readonly subject: (context: RenderContext) => string;
  readonly preheader: (context: RenderContext) => string;
  /** The HTML, with the preheader as hidden preview text. */
  readonly html: (context: RenderContext) => string;
  /** The plain-text alternative: the HTML's text, links as `text (url)`. */
  readonly text: (context: RenderContext) => string;
}

/** An SMS template, compiled once and rendered per member. */
export interface CompiledSms {
  readonly text: (context: RenderContext) => string;
  /** The encoding of the text rendered with sample values. */
  readonly encoding: SmsEncoding;
  /** The number of parts of the text rendered with sample values. */
  readonly parts: number;
}

/** The compiled templates of one template id, per channel. */
export interface CompiledTemplate {
  readonly id: string;
  readonly email?: CompiledEmail;
  readonly sms?: CompiledSms;
}
