import { z } from 'zod';

/**
 * Where a case is: a GeoJSON (RFC 7946) Point or Polygon in WGS 84. Positions are `[longitude, latitude]`, as
 * GeoJSON orders them (Leaflet's LatLng is the other way round). A polygon is one outer ring, closed (the last
 * position repeats the first), of at least three distinct corners; holes are not used.
 */
export const LongitudeSchema = z.number().min(-180).max(180);
export const LatitudeSchema = z.number().min(-90).max(90);
export const GeoPositionSchema = z.tuple([LongitudeSchema, LatitudeSchema]);
export type GeoPosition = z.infer<typeof GeoPositionSchema>;

/** The most corners an area may have: enough for a block drawn by hand, small enough for every event. */
export const MAX_AREA_CORNERS = 200;

const samePosition = (a: GeoPosition, b: GeoPosition) => a[0] === b[0] && a[1] === b[1];

export const GeoPointSchema = z.object({ type: z.literal('Point'), coordinates: GeoPositionSchema });

export const GeoPolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z
    .tuple([
      z
        .array(GeoPositionSchema)
        .min(4)
        .max(MAX_AREA_CORNERS + 1)
        .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), 'A ring ends where it begins')
        .refine(
          (ring) => new Set(ring.slice(0, -1).map(([lon, lat]) => `${lon},${lat}`)).size >= 3,
          'A ring has at least three distinct corners',
        ),
    ])
    .describe('One outer ring; no holes'),
});

export const CaseLocationSchema = z.discriminatedUnion('type', [GeoPointSchema, GeoPolygonSchema]);
export type CaseLocation = z.infer<typeof CaseLocationSchema>;

export const exampleCaseLocation: CaseLocation = { type: 'Point', coordinates: [17.9995, 59.3625] };
