import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Workspace } from '../workspace/workspace.js';
import { checkSend } from './check-journeys.js';
import { formatDuration } from './written-values.js';

type References = Pick<
  Workspace,
  'model' | 'segments' | 'offers' | 'templates' | 'policy' | 'journeys'
>;

/** Offers: reminders inside validity, with their templates; sane discounts. */
export function checkOffers(
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  for (const offer of workspace.offers.values()) {
    if (offer.discount.kind === 'percent' && offer.discount.percent > 100) {
      diagnostics.push(
        report('SL522', offer.span, { percent: offer.discount.percent }),
      );
    }
    for (const reminder of offer.reminders) {
      if (reminder.beforeExpiryMs >= offer.validityMs) {
        const data = {
          before: formatDuration(reminder.beforeExpiryMs),
          validity: formatDuration(offer.validityMs),
        };
        diagnostics.push(report('SL509', reminder.span, data));
      }
      const marketing = { category: 'lifecycle' } as const;
      checkSend(
        marketing,
        reminder.channel,
        reminder.template,
        reminder.span,
        workspace,
        diagnostics,
      );
    }
  }
}

/** Policy: priorities name journeys, the time zone exists. */
export function checkPolicy(
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  const { policy } = workspace;
  if (!isTimeZone(policy.timeZone)) {
    diagnostics.push(report('SL517', policy.span, { zone: policy.timeZone }));
  }
  for (const journey of policy.priorities) {
    if (!workspace.journeys.has(journey)) {
      const data = {
        what: 'journey',
        name: journey,
        suggestion: didYouMean(journey, workspace.journeys.keys()),
      };
      diagnostics.push(report('SL503', policy.span, data));
    }
  }
}

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
