// What an agent types in the customer search, turned into the searches the API takes (exactly one key each).

export type CustomerSearchKey = 'pin' | 'email' | 'phone' | 'name';
export type CustomerSearch = Partial<Record<CustomerSearchKey, string>>;

// YYMMDD-NNNN (+ for a hundred years or more), YYYYMMDD-NNNN, YYYYMMDDNNNN.
const PIN = /^(\d{6}[-+]|\d{8}-?)\d{4}$/;
const PHONE = /^\+?[\d\s()./-]+$/;

/**
 * The searches for the typed text: an e-mail address by its @, a personnummer by its form, a phone number by
 * its characters, anything else a name. Ten bare digits may be either a personnummer or a phone number
 * (0701234567, 0503121234): both are searched, since each search is exact. Too little to search: none.
 */
export function customerSearchesOf(typed: string): CustomerSearch[] {
  const text = typed.trim();
  if (text.includes('@')) return text.length >= 3 ? [{ email: text }] : [];
  if (/^\d{10}$/.test(text)) return [{ pin: text }, { phone: text }];
  if (PIN.test(text) && !text.startsWith('00')) return [{ pin: text }];
  if (PHONE.test(text)) return /\d{3}/.test(text.replace(/\D/g, '')) ? [{ phone: text }] : [];
  return text.length >= 2 ? [{ name: text }] : [];
}

/** The key of a search (each has exactly one). */
export function keyOf(search: CustomerSearch): CustomerSearchKey {
  return (Object.keys(search) as CustomerSearchKey[])[0];
}
