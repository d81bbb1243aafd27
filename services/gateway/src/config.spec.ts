import { ConfigError, loadConfig } from '@arende/config';
import { gatewayConfig, parseOrigins } from './config.js';

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
