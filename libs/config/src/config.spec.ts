import { z } from 'zod';
import { ConfigError, configTable, defineConfig, env, loadConfig } from './config.js';

const definition = defineConfig({
  PORT: { schema: env.port(8080), description: 'HTTP port' },
  SECRET: { schema: env.string('x'), description: 'a secret', sensitive: true },
  DEBUG: { schema: env.bool(false), description: 'debug mode' },
});

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig(definition, { PORT: '9000', DEBUG: 'yes' });
    expect(config).toEqual({ PORT: 9000, SECRET: 'x', DEBUG: true });
  });

  it('lists every bad variable at once', () => {
    const attempt = () => loadConfig(definition, { PORT: 'eighty', DEBUG: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^PORT: .*"eighty"/);
      expect(problems[1]).toMatch(/^DEBUG: /);
    }
  });

  it('never shows the value of a sensitive variable', () => {
    const strict = defineConfig({ TOKEN: { schema: z.string().min(10), description: 't', sensitive: true } });
    expect(() => loadConfig(strict, { TOKEN: 'short-val' })).toThrow(ConfigError);
    expect(() => loadConfig(strict, { TOKEN: 'short-val' })).not.toThrow(/short-val/);
  });
});

describe('configTable', () => {
  it('documents each variable with its default, hiding secrets', () => {
    const table = configTable(definition);
    expect(table).toContain('| `PORT` | `8080` | HTTP port |');
    expect(table).toContain('| `SECRET` | (secret) | a secret |');
    const optional = configTable({
      EMPTY: { schema: env.prefix(), description: 'e' },
      UNSET: { schema: z.string().optional(), description: 'u' },
      MUST: { schema: z.string(), description: 'm' },
    });
    expect(optional).toContain('| `EMPTY` | (empty) | e |');
    expect(optional).toContain('| `UNSET` | (not set) | u |');
    expect(optional).toContain('| `MUST` | required | m |');
  });
});
