import { customerSearchesOf } from './customer-search';

describe('customerSearchesOf', () => {
  it('searches an address with an @ as an e-mail', () => {
    expect(customerSearchesOf(' asa.oberg@example.se ')).toEqual([{ email: 'asa.oberg@example.se' }]);
  });

  it('searches a personnummer written the usual ways as one', () => {
    expect(customerSearchesOf('811218-9876')).toEqual([{ pin: '811218-9876' }]);
    expect(customerSearchesOf('19811218-9876')).toEqual([{ pin: '19811218-9876' }]);
    expect(customerSearchesOf('198112189876')).toEqual([{ pin: '198112189876' }]);
    expect(customerSearchesOf('121212+1212')).toEqual([{ pin: '121212+1212' }]);
    expect(customerSearchesOf('050312-1234')).toEqual([{ pin: '050312-1234' }]);
  });

  it('searches phone numbers as phones, and ten bare digits both ways', () => {
    expect(customerSearchesOf('070-123 45 67')).toEqual([{ phone: '070-123 45 67' }]);
    expect(customerSearchesOf('+46 70 123 45 67')).toEqual([{ phone: '+46 70 123 45 67' }]);
    expect(customerSearchesOf('004670123456')).toEqual([{ phone: '004670123456' }]);
    expect(customerSearchesOf('0701234567')).toEqual([{ pin: '0701234567' }, { phone: '0701234567' }]);
  });

  it('searches anything else as a name, from two letters', () => {
    expect(customerSearchesOf('öberg')).toEqual([{ name: 'öberg' }]);
    expect(customerSearchesOf('Åsa Öberg')).toEqual([{ name: 'Åsa Öberg' }]);
    expect(customerSearchesOf('ö')).toEqual([]);
    expect(customerSearchesOf('  ')).toEqual([]);
    expect(customerSearchesOf('07')).toEqual([]);
  });
});
