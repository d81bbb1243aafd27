import type { LatLon } from './coordinates';

/** The map section of /web/config.json: the tile server (or none) and where the map opens. */
export interface MapConfig {
  tileUrl: string | null;
  attribution: string;
  center: LatLon;
  zoom: number;
}

/** Solna, when the gateway says nothing (an older gateway). */
export const DEFAULT_MAP: MapConfig = { tileUrl: null, attribution: '', center: { lat: 59.36, lon: 17.99 }, zoom: 13 };

function isLatLon(value: unknown): value is LatLon {
  if (typeof value !== 'object' || value === null) return false;
  const { lat, lon } = value as Record<string, unknown>;
  return typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** The map section of a config body, each part checked; what is missing or wrong is the default. */
export function mapConfigOf(body: unknown): MapConfig {
  const map = (body as { map?: unknown } | null)?.map;
  if (typeof map !== 'object' || map === null) return DEFAULT_MAP;
  const { tileUrl, attribution, center, zoom } = map as Record<string, unknown>;
  return {
    tileUrl: typeof tileUrl === 'string' && /^https?:\/\//.test(tileUrl) ? tileUrl : null,
    attribution: typeof attribution === 'string' ? attribution : '',
    center: isLatLon(center) ? center : DEFAULT_MAP.center,
    zoom: typeof zoom === 'number' && zoom >= 1 && zoom <= 19 ? zoom : DEFAULT_MAP.zoom,
  };
}

let loading: Promise<MapConfig> | undefined;

/** Read once per page load: the map section of /web/config.json. */
export function loadMapConfig(): Promise<MapConfig> {
  loading ??= fetch('/web/config.json', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : undefined))
    .then(mapConfigOf, () => DEFAULT_MAP);
  return loading;
}
