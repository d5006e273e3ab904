import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const projectRoot = import.meta.dirname;

/**
 * One file for the console (Vite: dev server with a proxy to the API, production build into
 * dist/console) and for the tests (Vitest). Under Vitest, server code is compiled by SWC, which
 * emits the decorator metadata type-graphql and MikroORM read (esbuild does not).
 */
export default defineConfig({
  root: 'console',
  plugins: process.env['VITEST']
    ? [
        swc.vite({
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
          },
        }),
      ]
    : [react()],
  build: { outDir: '../dist/console', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: `http://127.0.0.1:${process.env['PORT'] ?? 4000}`, ws: true } },
  },
  resolve: process.env['VITEST'] ? { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] } : {},
  test: {
    root: projectRoot,
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'console/**/*.test.{ts,tsx}'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'dist/test-results.json' }]],
  },
});
