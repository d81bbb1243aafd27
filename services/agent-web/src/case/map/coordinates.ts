import type { CaseLocation, GeoPosition } from '@arende/contracts';

/** A point as the agent and Leaflet think of it: latitude first (GeoJSON is the other way round). */
export interface LatLon {
  lat: number;
  lon: number;
}

const LIMIT = { lat: 90, lon: 180 } as const;

/** Six decimals: about 10 cm, finer than any click or a customer's description. */
export const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A latitude or longitude as typed: a decimal comma or point ("59,36" or "59.36"), a minus or a typographic
 * minus sign; undefined when it is no number or out of range.
 */
export function parseCoordinate(text: string, axis: keyof typeof LIMIT): number | undefined {
  const normal = text.trim().replace(',', '.').replace('\u2212', '-');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(normal)) return undefined;
  const value = Number(normal);
  return Math.abs(value) <= LIMIT[axis] ? round6(value) : undefined;
}

/** A coordinate for the agent: five decimals (about a metre), with a decimal comma in Swedish. */
export function formatCoordinate(value: number, language: 'sv' | 'en'): string {
  const text = value.toFixed(5);
  return language === 'sv' ? text.replace('.', ',').replace('-', '\u2212') : text;
}

const position = ({ lat, lon }: LatLon): GeoPosition => [round6(lon), round6(lat)];
const latLon = ([lon, lat]: GeoPosition): LatLon => ({ lat, lon });

export function pointAt(at: LatLon): CaseLocation {
  return { type: 'Point', coordinates: position(at) };
}

/** The distinct corners in order (a corner clicked twice in a row counts once). */
function distinctCorners(corners: readonly LatLon[]): GeoPosition[] {
  const positions: GeoPosition[] = [];
  for (const corner of corners) {
    const next = position(corner);
    const last = positions.at(-1);
    if (last === undefined || last[0] !== next[0] || last[1] !== next[1]) positions.push(next);
  }
  const [first] = positions;
  const last = positions.at(-1);
  if (positions.length > 1 && first[0] === last?.[0] && first[1] === last[1]) positions.pop();
  return positions;
}

/** An area from the corners drawn, its ring closed; undefined with fewer than three distinct corners. */
export function areaOf(corners: readonly LatLon[]): CaseLocation | undefined {
  const ring = distinctCorners(corners);
  if (new Set(ring.map(([lon, lat]) => `${lon},${lat}`)).size < 3) return undefined;
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** The point, or the corners of the area (without the closing repeat). */
export function cornersOf(location: CaseLocation): LatLon[] {
  if (location.type === 'Point') return [latLon(location.coordinates)];
  return location.coordinates[0].slice(0, -1).map(latLon);
}

export function sameLocation(a: CaseLocation | null, b: CaseLocation | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
