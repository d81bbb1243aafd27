import type { CaseView, CustomerView } from '@arende/contracts';

/**
 * The values of the placeholders every message template knows, as far as the case card knows them (there is no
 * preview route: notifications fills the same names when it sends its own notices). The purpose's own placeholders
 * (`{message}`, `{solution}` …) are left in the text for the agent to write.
 */
export function templateValues(
  caseView: CaseView,
  customer: CustomerView | undefined,
  handlerName: string,
): Record<string, string> {
  return {
    caseNumber: caseView.number,
    title: caseView.title,
    customerName: customer?.firstName ?? customer?.companyName ?? '',
    handlerName: caseView.assigneeName ?? handlerName,
    expectedFeedback: '',
    feedbackLine: '',
    portalLink: '',
    portalLine: '',
  };
}
