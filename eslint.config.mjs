// Lint rules: typescript-eslint recommended, plus the floors of DESIGN.md enforced by import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdk = [
  '@slack/*',
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'bullmq',
  'ioredis',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  'pino',
];
// Each chat SDK stays inside its own adapter folder: swapping botbuilder for its successor is a change of one folder.
const slackSdk = ['@slack/*'];
const teamsSdk = ['botbuilder', 'botbuilder-*', 'botbuilder/*', 'botframework-*'];
const platformFloor = [
  '**/db/**',
  '**/jobs/**',
  '**/main/**',
  '**/config',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  'bullmq',
];
const platformMessage = 'Platforms translate payloads; they reach storage and queues only through the core.';

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...sdk, '**/db/**', '**/jobs/**', '**/platforms/**', '**/main/**', '**/config'],
              message: 'src/core imports no platform SDK and no outer floor.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Configuration is read only in src/config.ts.' }],
    },
  },
  {
    files: ['src/platforms/**/*.ts'],
    ignores: ['src/platforms/slack/**', 'src/platforms/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...platformFloor, ...slackSdk, ...teamsSdk], message: platformMessage }] },
      ],
    },
  },
  {
    files: ['src/platforms/slack/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformFloor, message: platformMessage },
            {
              group: [...teamsSdk, '**/platforms/teams/**', '../teams/**'],
              message: 'botbuilder stays in src/platforms/teams; the Slack adapter does not know Teams.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platforms/teams/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformFloor, message: platformMessage },
            {
              group: [...slackSdk, '**/platforms/slack/**', '../slack/**'],
              message: 'The Teams adapter does not know Slack.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/dashboard/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...slackSdk, ...teamsSdk, '**/main/**', '**/config', '**/jobs/**', 'bullmq'],
              message:
                'The dashboard is handed its stores and sign-in clients by src/main; chat SDKs stay in src/platforms.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Configuration is read only in src/config.ts.' }],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...slackSdk, ...teamsSdk],
              message: 'Chat SDKs stay inside src/platforms/slack and src/platforms/teams; main wires the adapters.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts', 'src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platforms/**', '**/main/**', '**/config', '../jobs/**', '../db/**', ...slackSdk, ...teamsSdk],
              message: 'db and jobs sit side by side under main; they do not import each other or platforms.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,js}', '*.config.*'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
