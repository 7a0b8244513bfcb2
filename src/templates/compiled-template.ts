import type { RenderContext } from './render-context.js';
import type { SmsEncoding } from './sms-encoding.js';

/** An email as sent to one member: all four parts. */
export interface RenderedEmail {
  readonly subject: string;
  readonly preheader: string;
  /** The HTML, with the preheader as hidden preview text. */
  readonly html: string;
  /** The plain-text alternative: the HTML's text, links as `text (url)`. */
  readonly text: string;
}

/** An email template, compiled once and rendered per member. */
export interface CompiledEmail {
  /**
   * The whole email, in one Handlebars call: the same four parts as the
   * functions below give, at a fraction of their cost together.
   */
  readonly render: (context: RenderContext) => RenderedEmail;
  readonly subject: (context: RenderContext) => string;
  readonly preheader: (context: RenderContext) => string;
  /** The HTML, with the preheader as hidden preview text. */
  readonly html: (context: RenderContext) => string;
  /** The plain-text alternative: the HTML's text, links as `text (url)`. */
  readonly text: (context: RenderContext) => string;
  /** The plausible values the template was tried with, for previews. */
  readonly sample: RenderContext;
  /** The Handlebars sources the functions were compiled from, for `build`. */
  readonly sources: {
    readonly subject: string;
    readonly preheader: string;
    readonly html: string;
    readonly text: string;
  };
}

/** An SMS template, compiled once and rendered per member. */
export interface CompiledSms {
  readonly text: (context: RenderContext) => string;
  /** The plausible values the template was tried with, for previews. */
  readonly sample: RenderContext;
  /** The Handlebars source the function was compiled from. */
  readonly source: string;
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
