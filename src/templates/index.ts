/**
 * Message templates: MJML emails and SMS texts with Handlebars, checked
 * against the Model and compiled once for rendering per member.
 */
export { checkTemplates } from './check-templates.js';
export type { TemplateWorkspace } from './check-templates.js';
export { compileTemplates } from './compile-templates.js';
export type { CompiledTemplates } from './compile-templates.js';
export type {
  CompiledEmail,
  CompiledSms,
  CompiledTemplate,
  RenderedEmail,
} from './compiled-template.js';
export type { RenderContext } from './render-context.js';
export type { Product, RecommendationProvider } from './template-helpers.js';
export { recommendationProviders } from './recommendations.js';
export { measureSms } from './sms-encoding.js';
export type { SmsEncoding, SmsMeasure } from './sms-encoding.js';
export { formatMoney } from './format-values.js';
