import { useEffect, useId, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { CaseLocation, CaseView } from '@arende/contracts';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import {
  type LatLon,
  areaOf,
  cornersOf,
  formatCoordinate,
  parseCoordinate,
  pointAt,
  sameLocation,
} from './coordinates';
import { type MapConfig, loadMapConfig } from './map-config';

type Mode = 'point' | 'area';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const toLatLng = ({ lat, lon }: LatLon) => L.latLng(lat, lon);
const CHOSEN = { color: '#8a1c1c', weight: 3, fillOpacity: 0.15 } as const;
const DRAFT = { color: '#1d4f91', weight: 2, dashArray: '6 4' } as const;

/**
 * Without a tile server: a grid of tiles, each labelled with the latitude and longitude of its north-west
 * corner, so that the map still shows where one is (and nothing is fetched).
 */
class CoordinateGrid extends L.GridLayer {
  override createTile(coords: L.Coords): HTMLElement {
    const tile = document.createElement('div');
    tile.className = 'map-grid-tile';
    const size = this.getTileSize();
    const corner = L.CRS.EPSG3857.pointToLatLng(L.point(coords.x * size.x, coords.y * size.y), coords.z);
    tile.textContent = `${corner.lat.toFixed(4)}, ${corner.lng.toFixed(4)}`;
    return tile;
  }
}

/** Focus the map from anywhere on the case card. */
const SHORTCUT = 'Alt+Y';

/**
 * The case's location on a map: a point (a click, the map's centre or typed coordinates) or an area drawn
 * corner by corner, saved on the case as GeoJSON. The map pans with the arrow keys and zooms with + and −.
 */
export function CaseMapPanel({
  caseView,
  onSaved,
  summoned = 0,
}: {
  caseView: CaseView;
  onSaved: (view: CaseView) => void;
  /** Counts the presses of the map tab's shortcut (Alt+Y): each puts the focus on the map. */
  summoned?: number;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const drawing = useRef<L.LayerGroup | undefined>(undefined);
  const [config, setConfig] = useState<MapConfig | undefined>();
  const [mode, setMode] = useState<Mode>('point');
  const [chosen, setChosen] = useState<CaseLocation | null>(caseView.location);
  const [corners, setCorners] = useState<LatLon[]>([]);
  const [latText, setLatText] = useState('');
  const [lonText, setLonText] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void loadMapConfig().then((loaded) => {
      if (live) setConfig(loaded);
    });
    return () => {
      live = false;
    };
  }, []);

  // What was saved elsewhere (another tab, a colleague) replaces the choice shown.
  const savedJson = JSON.stringify(caseView.location);
  useEffect(() => {
    setChosen(caseView.location);
    setCorners([]);
  }, [savedJson]);

  const place = useRef<(at: LatLon) => void>(() => undefined);
  place.current = (at: LatLon) => {
    setNotice(undefined);
    if (mode === 'point') setChosen(pointAt(at));
    else setCorners((drawn) => [...drawn, at]);
  };

  useEffect(() => {
    if (config === undefined || container.current === null) return;
    const created = L.map(container.current, {
      center: toLatLng(config.center),
      zoom: config.zoom,
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      // Tiles fading in are half transparent for a moment: no fade, so labels are always legible (and axe agrees).
      fadeAnimation: false,
      // Corners are clicked in quick succession: a double click must not zoom.
      doubleClickZoom: false,
    });
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(created);
    if (config.tileUrl === null) {
      new CoordinateGrid({ tileSize: 128 }).addTo(created);
    } else {
      L.tileLayer(config.tileUrl, { maxZoom: 19 }).addTo(created);
      if (config.attribution !== '') {
        L.control.attribution({ prefix: false }).addAttribution(escapeHtml(config.attribution)).addTo(created);
      }
    }
    created.on('click', (event: L.LeafletMouseEvent) =>
      place.current({ lat: event.latlng.lat, lon: event.latlng.lng }),
    );
    drawing.current = L.layerGroup().addTo(created);
    map.current = created;
    const start = caseView.location;
    if (start !== null) created.fitBounds(L.latLngBounds(cornersOf(start).map(toLatLng)), { maxZoom: 16 });
    return () => {
      created.remove();
      map.current = undefined;
      drawing.current = undefined;
    };
    // The map is made once per configuration; the case's later locations are drawn by the effect below.
  }, [config]);

  useEffect(() => {
    const layer = drawing.current;
    if (layer === undefined) return;
    layer.clearLayers();
    if (chosen?.type === 'Point') {
      L.circleMarker(toLatLng(cornersOf(chosen)[0]), { ...CHOSEN, radius: 8, fillOpacity: 0.6 }).addTo(layer);
    } else if (chosen?.type === 'Polygon') {
      L.polygon(cornersOf(chosen).map(toLatLng), CHOSEN).addTo(layer);
    }
    if (corners.length > 0) {
      L.polyline(corners.map(toLatLng), DRAFT).addTo(layer);
      for (const corner of corners) L.circleMarker(toLatLng(corner), { ...DRAFT, radius: 5 }).addTo(layer);
    }
  }, [chosen, corners, config]);

  useEffect(() => {
    if (summoned > 0) container.current?.focus();
  }, [summoned]);

  const useCentre = () => {
    const centre = map.current?.getCenter();
    if (centre !== undefined) place.current({ lat: centre.lat, lon: centre.lng });
  };

  const placeTyped = () => {
    const lat = parseCoordinate(latText, 'lat');
    const lon = parseCoordinate(lonText, 'lon');
    if (lat === undefined || lon === undefined) {
      setInputError(lat === undefined ? t('map.badLatitude') : t('map.badLongitude'));
      return;
    }
    setInputError(undefined);
    place.current({ lat, lon });
    map.current?.panTo(L.latLng(lat, lon));
  };

  const finishArea = () => {
    const area = areaOf(corners);
    if (area === undefined) return;
    setChosen(area);
    setCorners([]);
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await api.send<CaseView>('PATCH', `/api/v1/cases/${encodeURIComponent(caseView.number)}`, {
        version: caseView.version,
        changes: { location: chosen },
      });
      onSaved(saved);
      setNotice(chosen === null ? t('map.cleared') : t('map.saved'));
      setError(undefined);
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  const closed = caseView.status === 'closed';
  const unsaved = !sameLocation(chosen, caseView.location);
  const coordinate = (value: number) => formatCoordinate(value, language);
  const described =
    chosen === null
      ? t('map.none')
      : chosen.type === 'Point'
        ? t('map.point', { lat: coordinate(chosen.coordinates[1]), lon: coordinate(chosen.coordinates[0]) })
        : t('map.area', { count: chosen.coordinates[0].length - 1 });

  return (
    <section aria-labelledby={`${ids}-title`} className="panel case-map">
      <h2 id={`${ids}-title`}>{t('map.title')}</h2>
      <p id={`${ids}-help`} className="hint">
        {t('map.help')}
      </p>
      <fieldset className="map-mode">
        <legend>{t('map.mode')}</legend>
        {(['point', 'area'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${ids}-mode`}
              value={value}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                setCorners([]);
              }}
            />
            {t(value === 'point' ? 'map.modePoint' : 'map.modeArea')}
          </label>
        ))}
      </fieldset>
      <div className="map-frame">
        <div
          ref={container}
          className="map-view"
          role="application"
          aria-label={t('map.label')}
          aria-describedby={`${ids}-help`}
          aria-keyshortcuts={SHORTCUT}
          data-testid="case-map"
        />
        <div className="map-crosshair" aria-hidden="true" />
      </div>
      {config?.tileUrl === null && <p className="hint">{t('map.noTiles')}</p>}
      <div className="toolbar" role="toolbar" aria-label={t('map.title')}>
        <button type="button" onClick={useCentre} disabled={closed}>
          {mode === 'point' ? t('map.useCentre') : t('map.addCentreCorner')}
        </button>
        {mode === 'area' && (
          <>
            <button type="button" disabled={corners.length === 0} onClick={() => setCorners((c) => c.slice(0, -1))}>
              {t('map.undoCorner')}
            </button>
            <button type="button" disabled={areaOf(corners) === undefined} onClick={finishArea}>
              {t('map.finishArea')}
            </button>
          </>
        )}
      </div>
      <form
        className="map-coordinates"
        onSubmit={(event) => {
          event.preventDefault();
          placeTyped();
        }}
      >
        <label>
          {t('map.latitude')}
          <input
            inputMode="decimal"
            value={latText}
            onChange={(e) => setLatText(e.target.value)}
            aria-invalid={inputError === t('map.badLatitude')}
          />
        </label>
        <label>
          {t('map.longitude')}
          <input
            inputMode="decimal"
            value={lonText}
            onChange={(e) => setLonText(e.target.value)}
            aria-invalid={inputError === t('map.badLongitude')}
          />
        </label>
        <button type="submit" disabled={closed}>
          {mode === 'point' ? t('map.setPoint') : t('map.addCorner')}
        </button>
        {inputError !== undefined && <p role="alert">{inputError}</p>}
      </form>
      <p className="map-chosen" aria-live="polite">
        {mode === 'area' && corners.length > 0 ? `${t('map.drawing', { count: corners.length })} · ` : ''}
        {described}
        {unsaved ? ` · ${t('map.unsaved')}` : ''}
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || closed || !unsaved} onClick={() => void save()}>
          {t('map.save')}
        </button>
        <button type="button" disabled={busy || closed || chosen === null} onClick={() => setChosen(null)}>
          {t('map.clear')}
        </button>
      </div>
      <div role="status" className="notice-line">
        {notice}
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
    </section>
  );
}
