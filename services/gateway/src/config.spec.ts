import { ConfigError, loadConfig } from '@arende/config';
import { gatewayConfig, parseOrigins, webMapConfig } from './config.js';
import { webCsp } from './http/web-client.js';
import { tileOrigin } from './http/web-map.js';

describe('gateway configuration', () => {
  it('allows the local web client by default and splits CORS_ORIGINS', () => {
    const config = loadConfig(gatewayConfig, {});
    expect(parseOrigins(config.CORS_ORIGINS)).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173']);
    expect(parseOrigins(' https://arende.solna.example , https://a.example:8443,')).toEqual([
      'https://arende.solna.example',
      'https://a.example:8443',
    ]);
  });

  it.each(['*', 'arende.solna.example', 'https://arende.solna.example/', 'https://a.example/path'])(
    'refuses %s as an origin',
    (origin) => {
      expect(() => loadConfig(gatewayConfig, { CORS_ORIGINS: origin })).toThrow(ConfigError);
    },
  );

  it('refuses a rate limit below one', () => {
    expect(() => loadConfig(gatewayConfig, { RATE_LIMIT_PER_MINUTE: '0' })).toThrow(ConfigError);
    expect(loadConfig(gatewayConfig, { RATE_LIMIT_PER_MINUTE: '600' }).RATE_LIMIT_PER_MINUTE).toBe(600);
  });
});

describe('the web client map settings', () => {
  it('opens on Solna without tiles by default', () => {
    expect(webMapConfig(loadConfig(gatewayConfig, {}))).toEqual({
      tileUrl: null,
      attribution: '',
      center: { lat: 59.36, lon: 17.99 },
      zoom: 13,
    });
  });

  it('takes a tile server, its attribution and a centre, and names the tile origin in the CSP', () => {
    const map = webMapConfig(
      loadConfig(gatewayConfig, {
        WEB_MAP_TILE_URL: 'http://tiles.solna.example:8081/osm/{z}/{x}/{y}.png',
        WEB_MAP_ATTRIBUTION: '© OpenStreetMap',
        WEB_MAP_CENTER: '59.3625, 18.0009',
        WEB_MAP_ZOOM: '15',
      }),
    );
    expect(map).toEqual({
      tileUrl: 'http://tiles.solna.example:8081/osm/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
      center: { lat: 59.3625, lon: 18.0009 },
      zoom: 15,
    });
    expect(webCsp('https://login.solna.example/realms/arende', tileOrigin(map))).toContain(
      "img-src 'self' data: https: http://tiles.solna.example:8081;",
    );
  });

  it.each([
    ['WEB_MAP_TILE_URL', 'https://tiles.example/{z}/{x}.png'],
    ['WEB_MAP_TILE_URL', 'https://{s}.tile.example/{z}/{x}/{y}.png'],
    ['WEB_MAP_TILE_URL', 'ftp://tiles.example/{z}/{x}/{y}.png'],
    ['WEB_MAP_CENTER', '17.99'],
    ['WEB_MAP_CENTER', '91,17.99'],
    ['WEB_MAP_ZOOM', '25'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig(gatewayConfig, { [name]: value })).toThrow(ConfigError);
  });
});
