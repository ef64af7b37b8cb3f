import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test/output/', 'static/*/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/domain/*',
                '**/src/jira/*',
                '**/src/resolvers/*',
                '**/src/cli/*',
                '**/src/simulator/*',
              ],
              message: 'The UI imports server code only through src/contract.',
            },
          ],
        },
      ],
    },
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
              ],
              message: 'jira/ is an adapter: it must not depend on entry points.',
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
