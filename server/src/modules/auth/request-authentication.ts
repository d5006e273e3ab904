import type { MikroORM } from '@mikro-orm/postgresql';
import type { Settings } from '../../context.js';
import type { Authentication } from '../../transport/application.js';
import type { AuthRuntime } from './auth.runtime.js';
import { watchSessionEnds } from './auth.events.js';
import { authenticate } from './auth.service.js';
import { createContext } from './operation-context.js';
import { mayRunOperation } from './permissions.js';
import type { Viewer } from './viewer.js';
import { visibilityKey } from './visibility.js';

/**
 * How the transport learns who sends a request (HTTP and WebSocket alike): the viewer its
 * Authorization names, checked on the primary (`authenticate`), the ends of sessions and keys
 * (`watchSessionEnds`, from the event bus of `settings`), what it may run (`operationRoles`),
 * the context of its operations, with the app's sign-in runtime and settings, and what a viewer
 * may see (`visibilityKey`).
 */
export function requestAuthentication(orm: MikroORM, auth: AuthRuntime, settings: Settings): Authentication<Viewer> {
  return {
    authenticate: (authorization) => authenticate(orm.em.fork(), auth, authorization),
    watchSessionEnds: (listener) => {
      if (!settings.events) throw new Error('no event bus: the ends of sessions need the server');
      return watchSessionEnds(settings.events, listener);
    },
    mayRun: (viewer, operation) => mayRunOperation({ viewer }, operation),
    contextOf: (viewer, request) =>
      createContext(orm, request.requestId, request.logger, {
        viewer,
        auth,
        settings,
        ipAddress: request.ipAddress,
      }),
    visibilityOf: visibilityKey,
  };
}
