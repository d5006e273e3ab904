import type express from 'express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** The CSP sources of the inline scripts (`<script>` without `src`) of a page: their SHA-256 hashes. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
  );
}

/**
 * A Content-Security-Policy (as Helmet takes it) that allows only this server's own files and API,
 * and `scripts` and `styles` beside them. Images may be `data:` (the favicon) and `blob:` (photos and
 * the signature kept in the browser); nothing may frame a page. No `upgrade-insecure-requests`: every
 * URL of the console is relative, so a page served over HTTPS asks for nothing over HTTP, and a
 * deployment served over plain HTTP would be broken by it.
 */
export function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[] = []) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", ...scripts],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", ...styles],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  };
}

/**
 * Helmet's security headers on every answer (docs/operations.md, "Security headers"): the policy
 * above, where scripts may compile WebAssembly (`'wasm-unsafe-eval'`: the field view's barcode
 * reader) and the inline scripts of the console's `indexFile` run by their hashes (read once, at
 * start: a new build of the console needs a restart); `X-Frame-Options: DENY`,
 * `Referrer-Policy: no-referrer` and Helmet's defaults for the rest (HSTS for a year, COOP and CORP
 * same-origin, `nosniff`, no `X-Powered-By`).
 */
export function securityHeaders(indexFile: string): express.RequestHandler {
  const inline = existsSync(indexFile) ? inlineScriptHashes(readFileSync(indexFile, 'utf8')) : [];
  return helmet({
    contentSecurityPolicy: contentSecurityPolicy(["'wasm-unsafe-eval'", ...inline]),
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
