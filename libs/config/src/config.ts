import { z } from 'zod';

/** One environment variable: its schema, what it is for, and whether its value must never be shown. */
export interface ConfigVariable<T extends z.ZodType = z.ZodType> {
  schema: T;
  description: string;
  sensitive?: boolean;
}

export type ConfigDefinition = Record<string, ConfigVariable>;

export type ConfigOf<D extends ConfigDefinition> = { [K in keyof D]: z.output<D[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function defineConfig<D extends ConfigDefinition>(definition: D): D {
  return definition;
}

/** Parses every variable at once, so one start-up lists every problem. */
export function loadConfig<D extends ConfigDefinition>(
  definition: D,
  env: Record<string, string | undefined> = process.env,
): ConfigOf<D> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(definition)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = variable.schema.safeParse(raw);
    if (parsed.success) {
      result[name] = parsed.data;
    } else {
      const shown = variable.sensitive || raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
      problems.push(
        `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}${shown} — ${variable.description}`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as ConfigOf<D>;
}

/** The same as loadConfig, but prints the problems and exits: for a service's boot. */
export function loadConfigOrExit<D extends ConfigDefinition>(definition: D, service: string): ConfigOf<D> {
  try {
    return loadConfig(definition);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** A Markdown table of the variables, for the service README and the operations docs. */
export function configTable(definition: ConfigDefinition): string {
  const rows = Object.entries(definition).map(([name, v]) => {
    const fallback = v.schema.safeParse(undefined);
    const shown = v.sensitive
      ? '(secret)'
      : !fallback.success
        ? 'required'
        : fallback.data === undefined
          ? '(not set)'
          : fallback.data === ''
            ? '(empty)'
            : `\`${JSON.stringify(fallback.data).replace(/^"|"$/g, '')}\``;
    return `| \`${name}\` | ${shown} | ${v.description} |`;
  });
  return ['| variable | default | what it is |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Common variable schemas. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  int: (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int().min(min).max(max).default(fallback),
  string: (fallback: string) => z.string().min(1).default(fallback),
  url: (fallback: string) => z.url().default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  identifier: (fallback: string) =>
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _ only')
      .default(fallback),
  prefix: () =>
    z
      .string()
      .regex(/^[a-z0-9_]*$/, 'lower-case letters, digits and _ only')
      .default(''),
};
