import { Lifecycle } from '../../common/lifecycle.js';
import { SiteStatus } from './site.entity.js';

/**
 * The changes of a site's status (docs/domain.md, "Lifecycles"): PLANNED → ASSIGNED → IN_PROGRESS → COMPLETED →
 * CLOSED, SUSPENDED and back.
 */
export type SiteAction = 'ASSIGN' | 'START' | 'COMPLETE' | 'CLOSE' | 'SUSPEND' | 'RESUME';

export const siteLifecycle = new Lifecycle<SiteStatus, SiteAction>('site', {
  ASSIGN: { from: [SiteStatus.PLANNED, SiteStatus.ASSIGNED], to: SiteStatus.ASSIGNED },
  START: { from: [SiteStatus.ASSIGNED], to: SiteStatus.IN_PROGRESS },
  COMPLETE: { from: [SiteStatus.IN_PROGRESS], to: SiteStatus.COMPLETED },
  CLOSE: { from: [SiteStatus.COMPLETED], to: SiteStatus.CLOSED },
  SUSPEND: { from: [SiteStatus.PLANNED, SiteStatus.ASSIGNED, SiteStatus.IN_PROGRESS], to: SiteStatus.SUSPENDED },
  RESUME: { from: [SiteStatus.SUSPENDED], to: 'PREVIOUS' },
});
