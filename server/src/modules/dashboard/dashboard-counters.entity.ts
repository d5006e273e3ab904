import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { Invoice } from '../invoice/invoice.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';

/*
 * Counters behind the dashboards, kept by database triggers in the transaction of every change
 * (migration Migration20261129163100), so that a dashboard reads a few hundred rows, never the
 * millions of customer subscriptions. Raccord never writes them itself.
 */

/** Customer subscriptions per wilaya and status. */
@Entity({ tableName: 'wilaya_backlog', readonly: true })
export class WilayaBacklog {
  [PrimaryKeyProp]?: ['wilaya', 'status'];

  @ManyToOne(() => Wilaya, { primary: true, ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @Enum({ items: () => CustomerSubscriptionStatus, nativeEnumName: 'customer_subscription_status', primary: true })
  status!: CustomerSubscriptionStatus;

  @Property({ type: 'integer' })
  customerSubscriptions!: number;
}

/** Acceptances per wilaya and day (Algiers), and how many of them were first time right (one report, no rejection). */
@Entity({ tableName: 'wilaya_acceptance_day', readonly: true })
@Index({ properties: ['day'] })
export class WilayaAcceptanceDay {
  [PrimaryKeyProp]?: ['wilaya', 'day'];

  @ManyToOne(() => Wilaya, { primary: true, ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @PrimaryKey({ type: 'string', columnType: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  accepted!: number;

  @Property({ type: 'integer' })
  firstTimeRight!: number;
}

/** Acceptances per wilaya by whole days from order to acceptance (Algiers dates): the histogram the median is read from. */
@Entity({ tableName: 'wilaya_acceptance_delay', readonly: true })
export class WilayaAcceptanceDelay {
  [PrimaryKeyProp]?: ['wilaya', 'days'];

  @ManyToOne(() => Wilaya, { primary: true, ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  days!: number;

  @Property({ type: 'integer' })
  accepted!: number;
}

/** The connections the sites of a wilaya are to make: the sum of their targets. */
@Entity({ tableName: 'wilaya_target', readonly: true })
export class WilayaTarget {
  [PrimaryKeyProp]?: 'wilaya';

  @ManyToOne(() => Wilaya, { primary: true, ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @Property({ type: 'bigint' })
  targetConnections!: string;
}

/** The wilayas an invoice bills work in (those of its lines' customer subscriptions). */
@Entity({ tableName: 'invoice_wilaya', readonly: true })
@Index({ properties: ['wilaya', 'invoice'] })
export class InvoiceWilaya {
  [PrimaryKeyProp]?: ['invoice', 'wilaya'];

  @ManyToOne(() => Invoice, { primary: true, ref: true, deleteRule: 'restrict' })
  invoice!: Ref<Invoice>;

  @ManyToOne(() => Wilaya, { primary: true, ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;
}
