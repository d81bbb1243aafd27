// Shared Jest settings for every workspace package. Jest runs in ESM mode
// (node --experimental-vm-modules) because NestJS 12 ships ESM only.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  sourceMaps: 'inline',
};
// CommonJS packages that require() ESM-only ones break inside Jest on Node < 24.9.
const esmOnlyRequiredFromCjs = ['cookie', 'content-disposition'];

/** @param {string} packageDir absolute path of the workspace package */
export function jestConfig(packageDir, overrides = {}) {
  const root = import.meta.dirname;
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: {
      '^@arende/([a-z-]+)$': `${root}/libs/$1/src/index.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': ['@swc/jest', swc],
      [`/node_modules/(${esmOnlyRequiredFromCjs.join('|')})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' } }],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyRequiredFromCjs.join('|')})/)`],
    testTimeout: 30_000,
    ...overrides,
  };
}
