import { CaseLocationSchema } from './case-location.js';
import { CaseViewSchema, exampleCase } from './case.schemas.js';
import { UpdateCaseRequestV1 } from './update-case.v1.js';

const ring = (...corners: Array<[number, number]>) => [...corners, corners[0]];

describe('CaseLocationSchema', () => {
  it('takes a point and a closed polygon in WGS 84, longitude first', () => {
    expect(CaseLocationSchema.safeParse({ type: 'Point', coordinates: [17.99, 59.36] }).success).toBe(true);
    const area = { type: 'Polygon', coordinates: [ring([17.99, 59.36], [18, 59.36], [18, 59.37])] };
    expect(CaseLocationSchema.parse(area)).toEqual(area);
  });

  it.each([
    ['a latitude beyond the pole', { type: 'Point', coordinates: [17.99, 91] }],
    ['a longitude beyond 180', { type: 'Point', coordinates: [181, 59.36] }],
    ['a third coordinate', { type: 'Point', coordinates: [17.99, 59.36, 12] }],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [17.99, 59.36],
            [18, 59.36],
            [18, 59.37],
            [17.98, 59.37],
          ],
        ],
      },
    ],
    ['two corners', { type: 'Polygon', coordinates: [ring([17.99, 59.36], [18, 59.36], [17.99, 59.36])] }],
    [
      'a hole',
      {
        type: 'Polygon',
        coordinates: [ring([17.9, 59.3], [18, 59.3], [18, 59.4]), ring([17.95, 59.33], [17.96, 59.33], [17.96, 59.34])],
      },
    ],
    [
      'another geometry',
      {
        type: 'LineString',
        coordinates: [
          [17.99, 59.36],
          [18, 59.36],
        ],
      },
    ],
  ])('refuses %s', (_name, location) => {
    expect(CaseLocationSchema.safeParse(location).success).toBe(false);
  });

  it('reads a case from before locations existed as having none, and an update may clear it', () => {
    const { location: _location, ...older } = exampleCase;
    expect(CaseViewSchema.parse(older).location).toBeNull();
    const update = UpdateCaseRequestV1.parse({ number: exampleCase.number, version: 1, changes: { location: null } });
    expect(update.changes).toEqual({ location: null });
    expect(
      UpdateCaseRequestV1.parse({ number: exampleCase.number, version: 1, changes: { title: 'X' } }).changes,
    ).toEqual({
      title: 'X',
    });
  });
});
