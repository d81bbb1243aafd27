import { createHash } from 'node:crypto';
import { z } from 'zod';
import { uuidv5 } from './uuid-v5.js';

describe('uuidv5', () => {
  // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
  it('matches the RFC example', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  it('is stable, differs by name, and is a valid version-5 UUID', () => {
    const ns = '4f9d3a52-8d0e-4c1b-9a57-2c1c8a7e5b10';
    const a = uuidv5('intake/2026/11/23/x/att-0', ns);
    expect(uuidv5('intake/2026/11/23/x/att-0', ns)).toBe(a);
    expect(uuidv5('intake/2026/11/23/x/att-1', ns)).not.toBe(a);
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(a[14]).toBe('5');
    expect(createHash('sha1').update('x').digest().length).toBe(20);
  });
});
