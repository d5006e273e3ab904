import type express from 'express';
import helmet from 'helmet';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import { contentSecurityPolicy } from './security-headers.js';

/** URL path of the explorer's own files (GraphiQL's scripts, styles and fonts), served by Raccord itself. */
export const explorerFilesPath = '/graphql-explorer/';

/** The query the explorer opens with: one anyone may run, and how to sign in for the rest. */
const defaultQuery = `# GraphiQL on Raccord's API. All but login, me, viewerOperations and
# viewerCan needs a token: run
#   mutation { login(input: { email: "…", password: "…" }) { token } }
# then add the header { "Authorization": "Bearer <token>" } below,
# and ask away (Ctrl-Enter runs).
{
  me {
    email
    role
  }
}
`;

/**
 * The explorer page's Content-Security-Policy: the console's, with the inline scripts and styles
 * Ruru's page and its editor (Monaco) are made of.
 */
const explorerPolicy = helmet.contentSecurityPolicy(contentSecurityPolicy(["'unsafe-inline'"], ["'unsafe-inline'"]));

/**
 * The GraphQL explorer for development: GraphiQL (Ruru's build) at `GET /graphql` for a browser
 * (`Accept: text/html`, no query), its files served from this server under `explorerFilesPath`
 * rather than a CDN, so that it works without internet access. Mounted only outside production.
 */
export function mountExplorer(app: express.Express): void {
  const page = ruruHTML({ staticPath: explorerFilesPath, endpoint: '/graphql', clientConfig: { defaultQuery } });
  const files = serveStatic(explorerFilesPath);
  app.use((request, response, next) => {
    if (request.path.startsWith(explorerFilesPath)) files(request, response, next);
    else next();
  });
  app.get('/graphql', (request, response, next) => {
    if (request.query['query'] !== undefined || request.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    explorerPolicy(request, response, () => response.type('html').setHeader('Cache-Control', 'no-cache').send(page));
  });
}
