/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // UI tests (test/ui, jsdom) render the three Custom UIs' TSX (planning panel, issue panel, admin page)
    // with React's automatic JSX runtime.
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  // Atlaskit components import their compiled CSS; the browser bundle keeps it, tests do not need it.
  // TypeScript wants `import('./X.js')` for a .tsx module; jest resolves it without the extension.
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/ui/support/style-stub.js',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  testTimeout: 30000,
};
