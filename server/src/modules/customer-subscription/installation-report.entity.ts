import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { User } from '../user/user.entity.js';
import { CustomerSubscription } from './customer-subscription.entity.js';
import type { QualityThreshold } from './installation-quality.js';

export enum NetworkClass {
  B_PLUS = 'B_PLUS',
  C_PLUS = 'C_PLUS',
}
registerEnumType(NetworkClass, {
  name: 'NetworkClass',
  description: 'GPON optical budget class of the line: B+ or C+.',
  valuesConfig: {
    B_PLUS: { description: 'GPON class B+ (the received power it accepts is in `fieldSettings.qualityThresholds`).' },
    C_PLUS: {
      description:
        'GPON class C+, of a larger optical budget (the received power it accepts is in `fieldSettings.qualityThresholds`).',
    },
  },
});

@ObjectType({ description: 'A measured line of work: a price schedule item and its quantity.' })
export class WorkLine {
  @Field(() => String, { description: 'Price schedule item code, e.g. "DRP-AER".' })
  code!: string;

  @Field(() => String, { description: 'Quantity in the item\'s unit, as a decimal string, e.g. "42.5" (metres).' })
  quantity!: string;
}

@ObjectType({ description: 'What is known of a photo of the work: when and where it was taken.' })
export class PhotoMetadata {
  @Field(() => DateTime, { description: 'When the photo was taken (UTC).' })
  takenAt!: string;

  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84).' })
  longitude!: number;
}

@ObjectType('QualityThreshold', {
  description:
    'The optical thresholds of a network class: the window the power received at the ONT at 1490 nm must lie ' +
    'in, and the highest splice loss. A report outside them is accepted only with a recorded override reason. ' +
    'The defaults (class B+: −27 to −8 dBm, C+: −30 to −8 dBm, splice loss ≤ 0.1 dB) are replaced by the ' +
    'QUALITY_THRESHOLDS configuration.',
})
export class QualityThresholdObject implements QualityThreshold {
  @Field(() => String, {
    description: 'Lowest power received at the ONT at 1490 nm, in dBm, as a decimal string (e.g. "-27"), inclusive.',
  })
  minReceivedPowerDbm!: string;

  @Field(() => String, {
    description: 'Highest power received at the ONT at 1490 nm, in dBm, as a decimal string (e.g. "-8"), inclusive.',
  })
  maxReceivedPowerDbm!: string;

  @Field(() => String, { description: 'Highest splice loss, in dB, as a decimal string (e.g. "0.1"), inclusive.' })
  maxSpliceLossDb!: string;
}

/**
 * What the contractor reports for an installation: the work measured (attachement), the optical
 * measurements, the photos' metadata, who did it. The quality gate's verdict is kept with it.
 */
@ObjectType({
  description: 'An installation report: the work measured, optical measurements, photos, and the quality verdict.',
})
@Entity({ tableName: 'installation_report' })
export class InstallationReport {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => CustomerSubscription, { ref: true, deleteRule: 'restrict' })
  customerSubscription!: Ref<CustomerSubscription>;

  @Field(() => DateTime, {
    description: 'When the installation was done (UTC); its date in Algiers picks the price schedule.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  installedAt!: Date;

  @Field(() => String, { description: 'Technician who did the work.' })
  @Property({ type: 'string', length: 200 })
  technicianName!: string;

  /** The signed-in user who sent the report; null for the system (demo data, scripts) and API keys. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  reportedBy: Ref<User> | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Serial number of the ONT installed (what AT provisions the line with), upper case; null when not given.',
  })
  @Property({ type: 'string', length: 40, nullable: true })
  ontSerialNumber: string | null = null;

  /** Where the report was made (WGS 84); null without a position. Personal data: it places the customer's home. */
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  positionAccuracyMetres: number | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the customer did not sign that the line works (e.g. absent at the end), 1–500 characters; null when a SIGNATURE photo is attached.',
  })
  @Property({ type: 'text', nullable: true })
  signatureMissingReason: string | null = null;

  @Field(() => String, { nullable: true, description: 'Remarks, up to 1,000 characters.' })
  @Property({ type: 'text', nullable: true })
  remarks: string | null = null;

  @Field(() => NetworkClass, { description: 'Network class the thresholds come from.' })
  @Enum({ items: () => NetworkClass, nativeEnumName: 'network_class' })
  networkClass!: NetworkClass;

  @Field(() => String, {
    description: 'Optical power received at the ONT at 1490 nm, in dBm, as a decimal string (e.g. "-21.5").',
  })
  @Property({ type: 'decimal', columnType: 'numeric' })
  receivedPowerDbm!: string;

  @Field(() => String, { nullable: true, description: 'Splice loss in dB, as a decimal string, when measured.' })
  @Property({ type: 'decimal', columnType: 'numeric', nullable: true })
  spliceLossDb: string | null = null;

  @Field(() => [WorkLine], { description: 'Work measured, at least one line.' })
  @Property({ type: 'json' })
  lines: WorkLine[] = [];

  /** Time and place of photos kept elsewhere, as reported before photos were files (personal data: it places the home). */
  @Property({ type: 'json' })
  photos: PhotoMetadata[] = [];

  @Field(() => [String], { description: 'What the quality gate found outside the thresholds; empty when within them.' })
  @Property({ type: 'json' })
  qualityIssues: string[] = [];

  @Field(() => DateTime, { description: 'When the report was recorded (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
