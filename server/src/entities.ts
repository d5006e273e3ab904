import { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ormOptions } from './database/orm.js';
import { AuditEvent } from './modules/audit/audit-event.entity.js';
import { ApiKey } from './modules/auth/api-key.entity.js';
import { LoginRateLimit } from './modules/auth/login-rate-limit.entity.js';
import { PasswordReset } from './modules/auth/password-reset.entity.js';
import { Session } from './modules/auth/session.entity.js';
import { ChangeEvent, ChangeLogConsumer, ChangeLogState } from './common/change-log.entity.js';
import { IdempotencyRecord } from './common/idempotency.entity.js';
import { CreditNote, CreditNoteLine } from './modules/invoice/credit-note.entity.js';
import { DocumentSequence } from './modules/invoice/document-sequence.entity.js';
import { Invoice, InvoiceLine } from './modules/invoice/invoice.entity.js';
import { InvoicePayment } from './modules/invoice/payment.entity.js';
import { PriceSchedule, PriceScheduleItem, TaxRate } from './modules/invoice/price-schedule.entity.js';
import { User } from './modules/user/user.entity.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './modules/webhook/webhook.entity.js';
import { Notification, NotificationPreference } from './modules/notification/notification.entity.js';
import { Contractor } from './modules/contractor/contractor.entity.js';
import { CustomerSubscription } from './modules/customer-subscription/customer-subscription.entity.js';
import { InstallationReport } from './modules/customer-subscription/installation-report.entity.js';
import { Photo } from './modules/photo/photo.entity.js';
import {
  PublicHoliday,
  ServiceLevelSchedule,
  ServiceLevelTarget,
} from './modules/service-level/service-level.entity.js';
import {
  ScorecardCounter,
  ScorecardFirmMonth,
  ScorecardProgress,
  ServiceLevelStepTime,
} from './modules/scorecard/scorecard.entity.js';
import { Site } from './modules/site/site.entity.js';
import { Commune } from './modules/reference-data/commune.entity.js';
import { Daira } from './modules/reference-data/daira.entity.js';
import { Wilaya } from './modules/reference-data/wilaya.entity.js';
import {
  InvoiceWilaya,
  WilayaAcceptanceDay,
  WilayaAcceptanceDelay,
  WilayaBacklog,
  WilayaTarget,
} from './modules/dashboard/dashboard-counters.entity.js';

/** Every MikroORM entity of Raccord; the ORM discovers exactly these. */
export const entities = [
  Wilaya,
  Daira,
  Commune,
  AuditEvent,
  Contractor,
  Site,
  CustomerSubscription,
  User,
  Session,
  LoginRateLimit,
  PasswordReset,
  ApiKey,
  TaxRate,
  PriceSchedule,
  PriceScheduleItem,
  ServiceLevelSchedule,
  ServiceLevelTarget,
  PublicHoliday,
  InstallationReport,
  Photo,
  Invoice,
  InvoiceLine,
  DocumentSequence,
  CreditNote,
  CreditNoteLine,
  InvoicePayment,
  IdempotencyRecord,
  ChangeEvent,
  ChangeLogState,
  ChangeLogConsumer,
  WilayaBacklog,
  WilayaAcceptanceDay,
  WilayaAcceptanceDelay,
  WilayaTarget,
  InvoiceWilaya,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  Notification,
  NotificationPreference,
  ScorecardCounter,
  ScorecardFirmMonth,
  ServiceLevelStepTime,
  ScorecardProgress,
];

/** Connects the ORM on Raccord's entities (see `ormOptions`); the caller closes it with `orm.close()`. */
export function initOrm(
  options: Omit<Parameters<typeof ormOptions>[0], 'entities'>,
): Promise<MikroORM<PostgreSqlDriver>> {
  return MikroORM.init(ormOptions({ ...options, entities }));
}
