#!/usr/bin/env node
// Scaffolds a workspace package: `node tools/new-package.mjs lib <name>` or `... service <name>`.
import fs from 'node:fs';
import path from 'node:path';

const [kind, name] = process.argv.slice(2);
if (!['lib', 'service'].includes(kind) || !/^[a-z][a-z0-9-]*$/.test(name ?? '')) {
  console.error('usage: node tools/new-package.mjs lib|service <kebab-name>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, kind === 'lib' ? 'libs' : 'services', name);
if (fs.existsSync(dir)) {
  console.error(`${dir} exists already`);
  process.exit(1);
}
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const json = (value) => JSON.stringify(value, null, 2) + '\n';

const scripts = {
  build: 'tsc -p tsconfig.build.json',
  typecheck: 'tsc -p tsconfig.json --noEmit',
  lint: 'eslint . --max-warnings 0',
  test: 'node --experimental-vm-modules ../../node_modules/jest/bin/jest.js',
};
if (kind === 'service') {
  scripts.start = 'node dist/main.js';
  scripts.migrate = 'node dist/migrate.js';
}
write(
  'package.json',
  json({
    name: `@arende/${name}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    ...(kind === 'lib' ? { exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } } : {}),
    scripts,
    dependencies: {},
    nx: { tags: kind === 'lib' ? ['type:lib'] : ['type:service'] },
  }),
);
write(
  'tsconfig.json',
  json({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src', 'test'] }),
);
write(
  'tsconfig.build.json',
  json({
    extends: '../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist' },
    include: ['src'],
    exclude: ['src/**/*.spec.ts'],
  }),
);
write(
  'jest.config.js',
  "import { jestConfig } from '../../jest.preset.js';\n\nexport default jestConfig(import.meta.dirname);\n",
);
write(kind === 'lib' ? 'src/index.ts' : 'src/main.ts', 'export {};\n');
write('README.md', `# @arende/${name}\n`);
console.log(`created ${path.relative(root, dir)}`);
