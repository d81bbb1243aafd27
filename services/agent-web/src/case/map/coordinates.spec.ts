import { areaOf, cornersOf, formatCoordinate, parseCoordinate, pointAt, sameLocation } from './coordinates';
import { DEFAULT_MAP, mapConfigOf } from './map-config';

describe('parseCoordinate', () => {
  it.each([
    ['59,36', 'lat', 59.36],
    ['59.36', 'lat', 59.36],
    [' 17.9912345678 ', 'lon', 17.991235],
    ['\u221233.5', 'lat', -33.5],
    ['-180', 'lon', -180],
    ['90', 'lat', 90],
  ] as const)('reads %s as a %s of %d', (text, axis, value) => {
    expect(parseCoordinate(text, axis)).toBe(value);
  });

  it.each([
    ['', 'lat'],
    ['91', 'lat'],
    ['180.5', 'lon'],
    ['59,36,1', 'lat'],
    ['59.36 N', 'lat'],
    ['abc', 'lon'],
    ['1e2', 'lon'],
  ] as const)('refuses %j as a %s', (text, axis) => {
    expect(parseCoordinate(text, axis)).toBeUndefined();
  });
});

describe('formatCoordinate', () => {
  it('writes five decimals, with a decimal comma and a minus sign in Swedish', () => {
    expect(formatCoordinate(59.3625, 'sv')).toBe('59,36250');
    expect(formatCoordinate(-17.991234, 'sv')).toBe('\u221217,99123');
    expect(formatCoordinate(59.3625, 'en')).toBe('59.36250');
  });
});

describe('locations', () => {
  it('puts the longitude first, as GeoJSON does', () => {
    expect(pointAt({ lat: 59.36, lon: 17.99 })).toEqual({ type: 'Point', coordinates: [17.99, 59.36] });
    expect(cornersOf(pointAt({ lat: 59.36, lon: 17.99 }))).toEqual([{ lat: 59.36, lon: 17.99 }]);
  });

  it('closes the ring of an area and gives back its corners', () => {
    const corners = [
      { lat: 59.36, lon: 17.99 },
      { lat: 59.36, lon: 18.0 },
      { lat: 59.37, lon: 18.0 },
    ];
    const area = areaOf(corners);
    expect(area).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [17.99, 59.36],
          [18.0, 59.36],
          [18.0, 59.37],
          [17.99, 59.36],
        ],
      ],
    });
    expect(area === undefined ? undefined : cornersOf(area)).toEqual(corners);
  });

  it('counts a corner clicked twice, or the first clicked again at the end, once', () => {
    const a = { lat: 59.36, lon: 17.99 };
    const b = { lat: 59.36, lon: 18.0 };
    const c = { lat: 59.37, lon: 18.0 };
    expect(areaOf([a, b, b, a])).toBeUndefined();
    expect(areaOf([a, b, b, c, a])).toEqual(areaOf([a, b, c]));
  });

  it('compares locations by value', () => {
    expect(sameLocation(pointAt({ lat: 1, lon: 2 }), pointAt({ lat: 1, lon: 2 }))).toBe(true);
    expect(sameLocation(pointAt({ lat: 1, lon: 2 }), null)).toBe(false);
    expect(sameLocation(null, null)).toBe(true);
  });
});

describe('mapConfigOf', () => {
  it('takes the gateway’s map section and defaults what is missing or wrong', () => {
    const map = {
      tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
      attribution: '© OSM',
      center: { lat: 59, lon: 18 },
      zoom: 15,
    };
    expect(mapConfigOf({ map })).toEqual(map);
    expect(mapConfigOf({})).toEqual(DEFAULT_MAP);
    expect(mapConfigOf({ map: { tileUrl: 'javascript:alert(1)', center: { lat: 95, lon: 0 }, zoom: 40 } })).toEqual(
      DEFAULT_MAP,
    );
  });
});
