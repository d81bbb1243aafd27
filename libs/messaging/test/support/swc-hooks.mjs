// Node module hooks that run the TypeScript sources the way Jest does (swc, `.js` -> `.ts`,
// `@arende/<lib>` -> libs/<lib>/src/index.ts), for child processes forked by tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';

const libs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function resolve(specifier, context, nextResolve) {
  const lib = /^@arende\/([a-z-]+)$/.exec(specifier);
  if (lib) return { url: pathToFileURL(path.join(libs, lib[1], 'src/index.ts')).href, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(ts)) return { url: ts.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
