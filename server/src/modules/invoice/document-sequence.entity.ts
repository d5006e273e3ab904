import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export enum DocumentSeries {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}

/**
 * The last number given in one series (invoices or credit notes) of one contractor and year. The
 * submitting transaction increments it with an upsert, which locks the row until commit: numbers are
 * handed out one transaction after another, and a rolled-back submission gives its number back.
 */
@Entity({ tableName: 'document_sequence' })
export class DocumentSequence {
  @PrimaryKey({ type: 'bigint' })
  contractorId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  series!: DocumentSeries;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
