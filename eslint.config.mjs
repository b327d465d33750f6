// Lint rules: typescript-eslint recommended, plus the floors of DESIGN.md enforced by import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdk = ['@slack/*', 'botbuilder', 'botbuilder-*', 'bullmq', 'ioredis', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'pino'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...sdk, '**/db/**', '**/jobs/**', '**/platforms/**', '**/main/**', '**/config'], message: 'src/core imports no platform SDK and no outer floor.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Configuration is read only in src/config.ts.' }],
    },
  },
  {
    files: ['src/platforms/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', '**/jobs/**', '**/main/**', '**/config', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'bullmq'], message: 'Platforms translate payloads; they reach storage and queues only through the core.' }] }],
    },
  },
  {
    files: ['src/db/**/*.ts', 'src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/platforms/**', '**/main/**', '**/config', '../jobs/**', '../db/**', '@slack/*', 'botbuilder'], message: 'db and jobs sit side by side under main; they do not import each other or platforms.' }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,js}', '*.config.*'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
