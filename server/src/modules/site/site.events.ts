import { Reference, type EntityManager, type Ref } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { announce, audienceTag, declareAudience, snapshotOf } from '../../common/events.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { transition, type TransitionOptions } from '../audit/tracked.service.js';
import type { Site, SiteStatus } from './site.entity.js';
import { siteLifecycle, type SiteAction } from './site.lifecycle.js';

/** What changed on a site or a customer subscription, as subscribers are told. */
export enum WorkChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  /** A site's progress moved (one of its customer subscriptions was accepted). */
  PROGRESS_CHANGED = 'PROGRESS_CHANGED',
  /** It moved to another firm or wilaya, out of the subscriber's sight: take it off the screen (the record is not sent). */
  REMOVED = 'REMOVED',
  /** Not a change: the subscription started without `after`, or an import changed too many records to send one by one; refetch what you show. */
  RESYNC = 'RESYNC',
}

registerEnumType(WorkChange, {
  name: 'WorkChange',
  description:
    'What changed on a site or a customer subscription: CREATED, UPDATED (its data), STATUS_CHANGED, PROGRESS_CHANGED (a site: one of its connections was accepted), ' +
    'REMOVED (reassigned to another firm or moved to another wilaya, out of your sight: take it off your screen; the record is not sent); ' +
    'or RESYNC, not a change: the subscription started without `after`, or an import changed too many records to send one by one: refetch what you show, then resume after its position.',
  valuesConfig: {
    CREATED: { description: 'The record was created.' },
    UPDATED: { description: 'Its data changed, not its status.' },
    STATUS_CHANGED: { description: 'Its status changed: `previousStatus` says from what.' },
    PROGRESS_CHANGED: { description: 'A site only: one of its connections was accepted, its progress moved.' },
    REMOVED: {
      description:
        'It moved out of your sight (reassigned to another firm, or moved to another wilaya): take it off your screen; the record is not sent, only its id.',
    },
    RESYNC: {
      description:
        'Not a change: the subscription started without `after`, or an import changed too many records to send one by one; refetch what you show, then resume after its position. The record is null.',
    },
  },
});

/** Where a record was before a change that moved it (each null when that did not change). */
export interface WorkMove {
  readonly previousContractorId?: string | null;
  readonly previousWilayaCode?: string | null;
  /** A customer subscription's technician before the change, when the change named another one or none (null: the firm as a whole). */
  readonly previousTechnicianId?: string | null;
}

/** A site changed; `previousStatus` is set when its status changed. */
export interface SiteChangedEvent {
  readonly siteId: string;
  readonly contractorId: string | null;
  readonly wilayaCode: string;
  readonly change: WorkChange;
  readonly previousStatus: string | null;
  /** The firm it was assigned to before this change, when the change reassigned it. */
  readonly previousContractorId: string | null;
  /** Its wilaya before this change, when the change moved it. */
  readonly previousWilayaCode: string | null;
  /** The site as the change left it (`snapshotOf`). */
  readonly record: Record<string, unknown>;
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    SITE_CHANGED: SiteChangedEvent;
  }
}

/**
 * Whom a work event (a site's, a customer subscription's) may concern: its firm and its wilaya as
 * the change left them and before a move, the firms and wilayas `wantsWorkEvent` reads.
 */
export function workAudience(event: {
  readonly contractorId: string | null;
  readonly wilayaCode: string;
  readonly previousContractorId: string | null;
  readonly previousWilayaCode: string | null;
}): string[] {
  return [
    ...[event.contractorId, event.previousContractorId].filter((id) => id !== null).map(audienceTag.contractor),
    ...[event.wilayaCode, event.previousWilayaCode].filter((code) => code !== null).map(audienceTag.wilaya),
  ];
}

declareAudience('SITE_CHANGED', (event) => [...workAudience(event), audienceTag.record('site', event.siteId)]);

/** A site or a customer subscription as events describe it. */
export interface WorkRecord {
  readonly contractor: { readonly id: string } | null;
  readonly wilaya: { readonly code: string };
}

/**
 * Announces that a site changed (see `announce`); `previousStatus` when its status changed, `moved`
 * when it changed firm or wilaya. `site` may be a reference: it is loaded then.
 */
export function announceSiteChange(
  em: EntityManager,
  site: Site | Ref<Site>,
  change: WorkChange,
  previousStatus: string | null = null,
  moved: WorkMove = {},
): void {
  announce(em, 'SITE_CHANGED', async () => {
    const record = await Reference.create(site).loadOrFail();
    return {
      siteId: record.id,
      contractorId: record.contractor?.id ?? null,
      wilayaCode: record.wilaya.code,
      change,
      previousStatus,
      ...movedFrom(record, moved),
      record: snapshotOf(em, record),
    };
  });
}

/** The previous firm and wilaya of a record, kept only where they differ from the committed ones. */
export function movedFrom(
  record: WorkRecord,
  moved: WorkMove,
): { previousContractorId: string | null; previousWilayaCode: string | null } {
  const contractorId = record.contractor?.id ?? null;
  return {
    previousContractorId:
      moved.previousContractorId !== undefined && moved.previousContractorId !== contractorId
        ? moved.previousContractorId
        : null,
    previousWilayaCode:
      moved.previousWilayaCode !== undefined && moved.previousWilayaCode !== record.wilaya.code
        ? moved.previousWilayaCode
        : null,
  };
}

/**
 * The firm and the technician a transition took the work from, as its audited `changes` name them
 * (`contractorId`, `technicianId`): they are told the work left them.
 */
export function movedBy(changes: readonly { readonly field: string; readonly from: unknown }[] = []): WorkMove {
  const contractor = changes.find((change) => change.field === 'contractorId');
  const technician = changes.find((change) => change.field === 'technicianId');
  return {
    ...(contractor ? { previousContractorId: (contractor.from as string | null) ?? null } : {}),
    ...(technician ? { previousTechnicianId: (technician.from as string | null) ?? null } : {}),
  };
}

/**
 * Moves `site` along its lifecycle by `action` (`transition`: audited in the caller's transaction)
 * and announces the change to subscribers once it commits. Returns the status it left.
 * @throws DomainError INVALID_TRANSITION naming the current status
 */
export function changeSiteStatus(
  em: EntityManager,
  context: Context,
  site: Site,
  action: SiteAction,
  reason: string | null,
  options: TransitionOptions<SiteStatus> = {},
): SiteStatus {
  const from = transition(em, context, site, AuditEntityType.SITE, siteLifecycle, action, reason, options);
  announceSiteChange(em, site, WorkChange.STATUS_CHANGED, from, movedBy(options.changes));
  return from;
}
