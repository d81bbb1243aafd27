/** The map of the web client: which tile server, whose attribution, where it opens (part of /web/config.json). */
export interface WebMapConfig {
  /** A tile URL template with {z}, {x} and {y}; null: the client draws a plain grid (no tiles). */
  tileUrl: string | null;
  /** Plain text, shown in the map's corner (the tile server's terms usually require it). */
  attribution: string;
  center: { lat: number; lon: number };
  zoom: number;
}

/** Solna stadshus, roughly: where the map opens unless configured otherwise. */
export const SOLNA_CENTRE = { lat: 59.36, lon: 17.99 } as const;

const TILE_PLACEHOLDERS = /\{[zxy]\}/g;

/**
 * A tile URL template the client can use and the CSP can name: http(s), with {z}, {x} and {y}, and a fixed
 * host (no {s} subdomains, which would need a wildcard in img-src). Returns a reason when it is not.
 */
export function tileUrlProblem(template: string): string | undefined {
  for (const placeholder of ['{z}', '{x}', '{y}']) {
    if (!template.includes(placeholder)) return `lacks ${placeholder}`;
  }
  const sample = template.replace(TILE_PLACEHOLDERS, '0').replace('{r}', '');
  if (!URL.canParse(sample)) return 'is no URL';
  const url = new URL(sample);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'is neither http nor https';
  if (/[{}]/.test(decodeURIComponent(url.host))) return 'has a placeholder in its host';
  return undefined;
}

/** The origin tiles come from, for the CSP's img-src; none without tiles. */
export function tileOrigin(map: WebMapConfig): string | undefined {
  return map.tileUrl === null ? undefined : new URL(map.tileUrl.replace(TILE_PLACEHOLDERS, '0')).origin;
}

/** "59.36,17.99" (latitude, longitude in WGS 84) as a centre, or undefined. */
export function parseCentre(value: string): { lat: number; lon: number } | undefined {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) return undefined;
  const [lat, lon] = parts.map(Number) as [number, number];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}
