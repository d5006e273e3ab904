import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { InstallationReport } from '../customer-subscription/installation-report.entity.js';
import { User } from '../user/user.entity.js';

export enum PhotoKind {
  PBO = 'PBO',
  PTO = 'PTO',
  POWER_METER = 'POWER_METER',
  ONT = 'ONT',
  FAILURE = 'FAILURE',
  SIGNATURE = 'SIGNATURE',
  OTHER = 'OTHER',
}
registerEnumType(PhotoKind, {
  name: 'PhotoKind',
  description: 'What a photo of the work shows.',
  valuesConfig: {
    PBO: { description: 'The PBO (optical branching point, the street box) with the drop cable spliced in.' },
    PTO: { description: 'The PTO (optical wall outlet) fitted in the home.' },
    POWER_METER: { description: "The power meter's screen showing the power received at 1490 nm." },
    ONT: { description: 'The ONT in place, its label readable.' },
    FAILURE: { description: 'Why the connection could not be made (e.g. no PBO on the façade).' },
    SIGNATURE: {
      description:
        "The customer's signature drawn on the phone: the record that the line works (PV de mise en service).",
    },
    OTHER: { description: 'Anything else worth showing.' },
  },
});

/**
 * A photo of the work, as a stored file: the image (re-encoded, metadata stripped) and its thumbnail
 * live in the photo store (local disk or S3-compatible object storage), this row holds what the report
 * records of it. Its id is chosen by the client (a UUID) so that an upload sent twice is stored once.
 * It belongs to one customer subscription and its firm; it is attached to the report (or failure) it
 * was sent with, once.
 */
@ObjectType({
  description: 'A photo of the work: when and where it was taken, what it shows, and where to download it.',
})
@Entity({ tableName: 'photo' })
export class Photo {
  @Field(() => ID, { description: 'Identifier: the UUID the client chose when uploading it.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => CustomerSubscription, { ref: true, deleteRule: 'restrict' })
  customerSubscription!: Ref<CustomerSubscription>;

  /** The firm the work was assigned to when the photo was uploaded: its photos are its own. */
  @Index()
  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  /** Who uploaded it; null for the system (demo data, scripts). */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  uploadedBy: Ref<User> | null = null;

  @Field(() => PhotoKind, { description: 'What the photo shows.' })
  @Enum({ items: () => PhotoKind, nativeEnumName: 'photo_kind' })
  kind!: PhotoKind;

  @Field(() => DateTime, { description: "When the photo was taken (UTC), by the phone's clock." })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  takenAt!: Date;

  /** Latitude where it was taken (WGS 84); null without a position. Personal data: it places the customer's home. */
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  accuracyMetres: number | null = null;

  @Field(() => String, { description: 'Media type of the stored image: "image/jpeg", "image/png" or "image/webp".' })
  @Property({ type: 'string', length: 40 })
  contentType!: string;

  @Field(() => Int, { description: 'Size of the stored image in bytes.' })
  @Property({ type: 'integer' })
  byteSize!: number;

  @Field(() => Int, { description: 'Width of the stored image in pixels.' })
  @Property({ type: 'integer' })
  width!: number;

  @Field(() => Int, { description: 'Height of the stored image in pixels.' })
  @Property({ type: 'integer' })
  height!: number;

  /** SHA-256 (hex) of the bytes the client sent: the same id sent again with the same bytes is the same upload. */
  @Property({ type: 'string', length: 64 })
  uploadSha256!: string;

  /** Key of the image in the photo store. */
  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  /** Key of the thumbnail (WebP) in the photo store. */
  @Property({ type: 'string', length: 200 })
  thumbnailKey!: string;

  /** The installation report it was sent with; null until then, or when it documents a failure. */
  @Index()
  @ManyToOne(() => InstallationReport, { ref: true, nullable: true, deleteRule: 'restrict' })
  report: Ref<InstallationReport> | null = null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it was attached to a report or a failure (UTC); null while it waits for one.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  attachedAt: Date | null = null;

  @Field(() => DateTime, { description: 'When the server received it (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
