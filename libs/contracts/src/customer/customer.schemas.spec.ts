import { CustomerFieldsSchema, PropertyDesignationInputSchema } from './customer.schemas.js';
import { SearchCustomersRequestV1 } from './search-customers.v1.js';

describe('PropertyDesignationInputSchema', () => {
  it.each([
    ['Råsunda 1:23', { tract: 'Råsunda', block: '1', unit: '23' }],
    ['Solna  Råsunda 1:23 ', { tract: 'Solna Råsunda', block: '1', unit: '23' }],
    ['Lejonet 1', { tract: 'Lejonet', block: null, unit: '1' }],
    ['Bagartorp >1:5', null],
    ['Bagartorp 1:>5', { tract: 'Bagartorp', block: '1', unit: '>5' }],
  ])('reads %p as typed by an agent', (text, expected) => {
    const result = PropertyDesignationInputSchema.safeParse(text);
    expect(result.success ? result.data : null).toEqual(expected);
  });

  it('takes the designation already split', () => {
    const split = { tract: 'Råsunda', block: '1', unit: '23' };
    expect(PropertyDesignationInputSchema.parse(split)).toEqual(split);
  });

  it.each(['Råsunda', '1:23', 'Råsunda 1:'])('refuses %p', (text) => {
    expect(PropertyDesignationInputSchema.safeParse(text).success).toBe(false);
  });
});

describe('CustomerFieldsSchema', () => {
  it('reads an empty form field as no value', () => {
    const parsed = CustomerFieldsSchema.partial().parse({ firstName: '', email: '', propertyDesignation: '' });
    expect(parsed).toEqual({ firstName: null, email: null, propertyDesignation: null });
  });

  it('refuses a malformed e-mail with its field path', () => {
    const result = CustomerFieldsSchema.partial().safeParse({ email: 'asa.oberg@' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
  });
});

describe('SearchCustomersRequestV1', () => {
  it('takes exactly one search key', () => {
    expect(SearchCustomersRequestV1.safeParse({ name: 'öberg' }).success).toBe(true);
    expect(SearchCustomersRequestV1.safeParse({}).success).toBe(false);
    expect(SearchCustomersRequestV1.safeParse({ name: 'öberg', email: 'a@b.se' }).success).toBe(false);
  });

  it('pages at most 50 at a time', () => {
    expect(SearchCustomersRequestV1.safeParse({ name: 'öberg', limit: 51 }).success).toBe(false);
  });
});
