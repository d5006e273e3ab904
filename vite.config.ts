import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const projectRoot = import.meta.dirname;

/**
 * The field view as an installable web app (issue 15 §4): its manifest, and a Workbox service worker
 * that precaches the built console (the app shell, every chunk, the barcode reader's WebAssembly)
 * and answers navigations with `index.html` when there is no network. It caches nothing at run
 * time: `/graphql` and `/photos/*` answers are private, and the field view keeps what it needs in
 * IndexedDB itself. Navigations to the server's own routes (PDFs, health, metrics) go to the server.
 * The field view registers it (console/src/features/field/service-worker.ts); the office pages do not load it.
 */
const fieldApp = VitePWA({
  injectRegister: null,
  registerType: 'autoUpdate',
  includeAssets: ['icons/*.svg', 'icons/*.png'],
  manifest: {
    name: 'Raccord — terrain',
    short_name: 'Raccord',
    description: 'Rendez-vous, rapports d’installation et photos des raccordements, même sans réseau.',
    lang: 'fr',
    start_url: '/terrain',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#0b4f8a',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,wasm}'],
    // The barcode reader's WebAssembly (about 1 MB) is precached too, so that scanning works offline.
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/(graphql|photos|invoices|credit-notes|healthz|readyz|metrics|debug)(\/|$)/],
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

/**
 * A phone opening `/terrain` needs the field view's chunk, which the entry imports only once it has
 * run: one more round trip (over half a second on a slow mobile network). This writes into the built
 * `index.html` a few lines that, on `/terrain` pages only, ask the browser for that chunk, the chunks
 * it imports and its CSS at once, beside the entry. The office pages load nothing more.
 */
const preloadFieldView: Plugin = {
  name: 'raccord-preload-field-view',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, { bundle }) {
      const chunks = Object.values(bundle ?? {});
      const field = chunks.find((chunk) => chunk.type === 'chunk' && chunk.name === 'FieldRoutes');
      if (!field || field.type !== 'chunk') throw new Error('preloadFieldView: no FieldRoutes chunk in the build');
      const links = [
        ...[field.fileName, ...field.imports].map((file) => ({ rel: 'modulepreload', href: `/${file}` })),
        ...[...(field.viteMetadata?.importedCss ?? [])].map((file) => ({
          rel: 'preload',
          as: 'style',
          href: `/${file}`,
        })),
      ];
      const script = `if (location.pathname === '/terrain' || location.pathname.startsWith('/terrain/')) for (const attributes of ${JSON.stringify(links)}) document.head.appendChild(Object.assign(document.createElement('link'), attributes));`;
      return [{ tag: 'script', children: script, injectTo: 'head' }];
    },
  },
};

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
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              useDefineForClassFields: false,
              react: { runtime: 'automatic' },
            },
          },
        }),
      ]
    : [react(), fieldApp, preloadFieldView],
  build: { outDir: '../dist/console', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: `http://127.0.0.1:${process.env['PORT'] ?? 4000}`, ws: true } },
  },
  resolve: process.env['VITEST'] ? { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] } : {},
  test: {
    root: projectRoot,
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'console/**/*.test.{ts,tsx}'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits as eventually() does (server/test/eventually.ts): Vitest's own 1 s was too short for
    // a browser on a busy machine (the field draft's signature, encoded asynchronously, reached it after 1 s in CI).
    expect: { poll: { timeout: 10_000, interval: 20 } },
    reporters: ['default', ['json', { outputFile: 'dist/test-results.json' }]],
  },
});
