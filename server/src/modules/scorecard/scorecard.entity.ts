import { Entity, Enum, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { ServiceLevelStep } from '../service-level/service-level.entity.js';

/*
 * What the scorecards are read from: counters kept by the scorecard consumer of the change log
 * (scorecard.consumer.ts) in the transaction that moves its cursor, so that each change is counted
 * once, and a scorecard reads a few hundred rows, never the millions of customer subscriptions.
 */

/** Which records' facts a `ScorecardProgress` row counts. */
export enum ScorecardRecordType {
  CUSTOMER_SUBSCRIPTION = 'CUSTOMER_SUBSCRIPTION',
  INVOICE = 'INVOICE',
}

/**
 * One counter of one scope, on one day or in one month (Algiers). The scope is a firm in a wilaya,
 * a firm (`wilayaCode` ''), a wilaya (`contractorId` '0') or the country (both).
 */
@Entity({ tableName: 'scorecard_counter' })
export class ScorecardCounter {
  [PrimaryKeyProp]?: ['wilayaCode', 'contractorId', 'period', 'day', 'measure'];

  /** The wilaya's code, or '' for every wilaya. */
  @PrimaryKey({ type: 'string', length: 2 })
  wilayaCode!: string;

  /** The firm's id, or '0' for every firm. */
  @PrimaryKey({ type: 'bigint' })
  contractorId!: string;

  /** 'D': the day `day`; 'M': the month that starts on `day`. */
  @PrimaryKey({ type: 'string', columnType: 'char(1)' })
  period!: 'D' | 'M';

  @PrimaryKey({ type: 'string', columnType: 'date' })
  day!: string;

  /** What is counted (`measures` in scorecard.recorder.ts). */
  @PrimaryKey({ type: 'string', length: 140 })
  measure!: string;

  /** A count, a sum, or for a `.worst` measure the least value seen. */
  @Property({ type: 'bigint' })
  value!: string;
}

/**
 * A firm's month in a wilaya (or in all, `wilayaCode` ''), in the four figures firms are ranked on: one
 * row per firm, so that ranking the country's 4,800 firms reads 4,800 rows, not four times as many
 * counters. Kept with the counters, from the same increments.
 */
@Entity({ tableName: 'scorecard_firm_month' })
export class ScorecardFirmMonth {
  [PrimaryKeyProp]?: ['month', 'wilayaCode', 'contractorId'];

  /** The month's first day (Algiers). */
  @PrimaryKey({ type: 'string', columnType: 'date' })
  month!: string;

  @PrimaryKey({ type: 'string', length: 2 })
  wilayaCode!: string;

  @PrimaryKey({ type: 'bigint' })
  contractorId!: string;

  @Property({ type: 'bigint' })
  accepted!: string;

  @Property({ type: 'bigint' })
  firstTimeRight!: string;

  /** The firm's own steps ended (met or missed). */
  @Property({ type: 'bigint' })
  stepsEnded!: string;

  @Property({ type: 'bigint' })
  stepsOnTime!: string;
}

/** Each step's clock, kept once when the step ended: what the scorecards' step times are counted from. */
@Entity({ tableName: 'service_level_step_time' })
@Index({ properties: ['contractorId', 'endedOn'] })
export class ServiceLevelStepTime {
  [PrimaryKeyProp]?: ['recordType', 'recordId', 'step', 'startedAt'];

  @Enum({ items: () => ScorecardRecordType, nativeEnumName: 'scorecard_record_type', primary: true })
  recordType!: ScorecardRecordType;

  @PrimaryKey({ type: 'bigint' })
  recordId!: string;

  @Enum({ items: () => ServiceLevelStep, nativeEnumName: 'service_level_step', primary: true })
  step!: ServiceLevelStep;

  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endedAt!: Date;

  /** The day it ended (Algiers): the day its figures count on. */
  @Property({ type: 'string', columnType: 'date' })
  endedOn!: string;

  /** The firm whose work it was when the step started; null before any firm had it. */
  @Property({ type: 'bigint', nullable: true })
  contractorId!: string | null;

  /** The wilaya of the work; null for an invoice's steps. */
  @Property({ type: 'string', length: 2, nullable: true })
  wilayaCode!: string | null;

  /** The status the record left the step for (e.g. ACCEPTED, REJECTED, CANCELLED). */
  @Property({ type: 'string', length: 30 })
  endedStatus!: string;

  @Property({ type: 'integer' })
  targetMinutes!: number;

  @Property({ type: 'integer' })
  elapsedMinutes!: number;

  @Property({ type: 'integer' })
  lateMinutes!: number;

  /** MET, MISSED or STOPPED (`ServiceLevelClockState`). */
  @Property({ type: 'string', length: 10 })
  state!: string;
}

/** How far a record's audit trail has been counted into the scorecards: the last status change counted. */
@Entity({ tableName: 'scorecard_progress' })
export class ScorecardProgress {
  [PrimaryKeyProp]?: ['recordType', 'recordId'];

  @Enum({ items: () => ScorecardRecordType, nativeEnumName: 'scorecard_record_type', primary: true })
  recordType!: ScorecardRecordType;

  @PrimaryKey({ type: 'bigint' })
  recordId!: string;

  /** The id of the last audit event counted. */
  @Property({ type: 'bigint' })
  countedThrough!: string;
}
