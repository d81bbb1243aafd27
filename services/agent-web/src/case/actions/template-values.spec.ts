import { type CaseView, type CustomerView, exampleCase, exampleCustomer, fillBody } from '@arende/contracts';
import { templateValues } from './template-values';

const caseView: CaseView = { ...exampleCase, number: '2026-000042', title: 'Trasig gatlykta', assigneeName: null };
const customer: CustomerView = { ...exampleCustomer, firstName: 'Eva', companyName: null };

describe('templateValues', () => {
  it('fills the case’s number, title, customer and handler, and leaves the purpose’s own placeholders', () => {
    const body = 'Hej {customerName}!\n\n{message}\n\nÄrende {caseNumber}: {title}{portalLine}\n\n/{handlerName}';
    expect(fillBody(body, templateValues(caseView, customer, 'Elin Sjöberg'))).toBe(
      'Hej Eva!\n\n{message}\n\nÄrende 2026-000042: Trasig gatlykta\n\n/Elin Sjöberg\n',
    );
  });

  it('names the case’s handling officer before the agent, and a company when the customer is one', () => {
    const values = templateValues(
      { ...caseView, assigneeName: 'Johan Östlund' },
      { ...customer, firstName: null, companyName: 'Snöröjning AB' },
      'Elin Sjöberg',
    );
    expect([values.handlerName, values.customerName]).toEqual(['Johan Östlund', 'Snöröjning AB']);
    expect(templateValues(caseView, undefined, 'Elin Sjöberg').customerName).toBe('');
  });
});
