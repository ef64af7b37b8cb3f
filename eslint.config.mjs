import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(fileURLToPath(import.meta.url));

/** A path relative to the repository, with forward slashes. */
function repoPath(path) {
  return relative(repoRoot, path).split(sep).join('/');
}

/**
 * The Custom UIs' boundary, as an allow-list: a file under static/<app>/ may import (relatively) only from its own
 * app folder, static/shared/ and src/contract/; npm packages stay allowed. Anything else the browser would bundle
 * from the server side (config parsing, the domain, Jira adapters) is reported. `alsoAllow` adds folders.
 */
const uiBoundary = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { alsoAllow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      outside:
        '{{target}} is outside the UI boundary: a Custom UI imports only its own folder, static/shared/ and src/contract/.',
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    const app = `${file.split('/').slice(0, 2).join('/')}/`;
    const allowed = [app, 'static/shared/', 'src/contract/', ...(context.options[0]?.alsoAllow ?? [])];
    const check = (node) => {
      const source = node.source;
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.') && !source.value.startsWith('/')) return;
      const target = repoPath(resolve(dirname(context.filename), source.value));
      if (allowed.some((prefix) => `${target}/`.startsWith(prefix))) return;
      context.report({ node: source, messageId: 'outside', data: { target } });
    };
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test/output/', 'static/*/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits, a switch that forgets a case, a cast that changes nothing.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './static/tsconfig.json', './test/ui/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Dropping a field by destructuring it away (`{ dropped, ...rest }`) is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'ml-lanes': { rules: { 'ui-boundary': uiBoundary } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'ml-lanes/ui-boundary': 'error',
    },
  },
  {
    // The dashboard gadget draws a sprint with the planning panel's own components (one design, no copies).
    files: ['static/sprint-gadget/**/*.{ts,tsx}'],
    rules: { 'ml-lanes/ui-boundary': ['error', { alsoAllow: ['static/planning-panel/src/'] }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The domain core stays pure: no I/O, no adapters, no Forge.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'http', 'https', 'fs', '@forge/*'],
              message: 'domain/ must stay free of I/O.',
            },
            {
              group: [
                '../jira/*',
                '../cli/*',
                '../simulator/*',
                '../resolvers/*',
                '../storage/*',
                '../forge/*',
                '../playground/*',
                '../demo/*',
                '../app/*',
              ],
              message: 'domain/ imports only itself, config/ and contract/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases are what entry points call: they never reach back into them, nor into Forge.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../resolvers/*',
                '../forge/*',
                '../cli/*',
                '../playground/*',
                '../simulator/*',
                '../demo/*',
                '@forge/*',
              ],
              message: 'app/ holds the use cases entry points call; it must not depend on them or on Forge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/jira/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../cli/*',
                '../resolvers/*',
                '../simulator/*',
                '../storage/*',
                '../forge/*',
                '../playground/*',
                '../demo/*',
                '../app/*',
              ],
              message: 'jira/ is an adapter: it must not depend on entry points or use cases.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', 'bin/*'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
