import type { AuditFieldChange } from '../../server/src/modules/audit/audit-event.entity.js';

/** An audited change of a generated record, as the app's services would have recorded it. */
export interface PlannedEvent {
  readonly at: Date;
  readonly action: 'CREATE' | 'UPDATE' | 'TRANSITION';
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly reason: string | null;
  readonly changes: readonly AuditFieldChange[];
}

export const dayMs = 86_400_000;
export const hourMs = 3_600_000;
export const minuteMs = 60_000;

/** The later of two instants. */
export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** The earlier of two instants. */
export function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** `instant` moved by `ms` milliseconds. */
export function plus(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}

/** A transition event: `from` → `to` at `at`, with its reason and the fields it changed. */
export function transitionEvent(
  at: Date,
  from: string,
  to: string,
  reason: string | null,
  changes: readonly AuditFieldChange[] = [],
): PlannedEvent {
  return { at, action: 'TRANSITION', fromStatus: from, toStatus: to, reason, changes };
}
