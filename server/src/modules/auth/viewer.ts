import type { User } from '../user/user.entity.js';
import type { ApiKey } from './api-key.entity.js';

/** Who calls: a signed-in user (and the session its token names), or an application's API key. */
export type Viewer =
  | { readonly kind: 'user'; readonly user: User; readonly sessionId: string; readonly expiresAt: Date }
  | { readonly kind: 'apiKey'; readonly apiKey: ApiKey; readonly expiresAt: Date | null };
