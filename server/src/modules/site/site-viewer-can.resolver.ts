import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { mayChangeRecord } from '../auth/viewer-can.js';
import { Site } from './site.entity.js';
import { siteLifecycle, type SiteAction } from './site.lifecycle.js';

@ObjectType({
  description:
    'What the viewer may do to a site now, each action from the one rule the server enforces: the role (or API key scope) that may ' +
    'run its mutation and the status it may start from. The mutation may still refuse for a reason of the moment (a stale version, ' +
    'a firm no longer active or not working in the wilaya, open work of the previous firm).',
})
export class SitePermissions {
  @Field(() => Boolean, { description: 'assignSite: give it (again) to a firm.' })
  assign!: boolean;

  @Field(() => Boolean, { description: 'startSite: start the work.' })
  start!: boolean;

  @Field(() => Boolean, { description: 'completeSite: declare the work done.' })
  complete!: boolean;

  @Field(() => Boolean, { description: 'closeSite: close the completed site.' })
  close!: boolean;

  @Field(() => Boolean, { description: 'suspendSite: suspend the work.' })
  suspend!: boolean;

  @Field(() => Boolean, { description: 'resumeSite: resume the suspended work.' })
  resume!: boolean;
}

/** Each action of `SitePermissions`: its mutation and its lifecycle transition. */
const actions: Record<keyof SitePermissions, { mutation: string; transition: SiteAction }> = {
  assign: { mutation: 'assignSite', transition: 'ASSIGN' },
  start: { mutation: 'startSite', transition: 'START' },
  complete: { mutation: 'completeSite', transition: 'COMPLETE' },
  close: { mutation: 'closeSite', transition: 'CLOSE' },
  suspend: { mutation: 'suspendSite', transition: 'SUSPEND' },
  resume: { mutation: 'resumeSite', transition: 'RESUME' },
};

/** What the viewer may do to `site`, one it sees (`siteScope`, the scope its mutations load it in). */
export function sitePermissions(context: Context, site: Pick<Site, 'status'>): SitePermissions {
  const permissions = new SitePermissions();
  for (const [action, rule] of Object.entries(actions) as [keyof SitePermissions, (typeof actions)['assign']][])
    permissions[action] = mayChangeRecord(context, rule.mutation, siteLifecycle, rule.transition, site.status);
  return permissions;
}

@Resolver(() => Site)
export class SiteViewerCanResolver {
  @FieldResolver(() => SitePermissions, {
    description: 'What the viewer may do to this site now (see SitePermissions): the buttons to show.',
  })
  viewerCan(@Root() site: Site, @Ctx() context: Context): SitePermissions {
    return sitePermissions(context, site);
  }
}
