import {
  Arg,
  Ctx,
  Field,
  Float,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { LocalDate } from '../../common/scalars.js';
import type { Context } from '../../context.js';
import { PriceUnit } from '../invoice/price-schedule.entity.js';
import { priceScheduleInForce } from '../invoice/price-schedule.service.js';
import { Photo, PhotoKind } from '../photo/photo.entity.js';
import { ownPhotos, photoLimitsOf } from '../photo/photo.service.js';
import { maySeeCustomerData } from '../auth/scope.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
  type CustomerSubscriptionRecord,
} from './customer-subscription.entity.js';
import { communeRecord } from '../reference-data/reference-data.cache.js';
import {
  checkPositions,
  defaultPositionToleranceMetres,
  metresBetween,
  missingPhotoKinds,
  requiredPhotoKinds,
  workPosition,
  type PositionVerdict,
  type WorkPosition,
} from './field-checks.js';
import { defaultQualityThresholds } from './installation-quality.js';
import {
  InstallationReport,
  NetworkClass,
  PhotoMetadata,
  QualityThresholdObject,
} from './installation-report.entity.js';

export enum PositionSource {
  SITE = 'SITE',
  COMMUNE = 'COMMUNE',
}
registerEnumType(PositionSource, {
  name: 'PositionSource',
  description: 'Where a position of the work comes from.',
  valuesConfig: {
    SITE: { description: "The site's position, as AT recorded it." },
    COMMUNE: { description: "The commune's centre (public reference data): the home is somewhere in the commune." },
  },
});

export enum PositionVerdictValue {
  NEAR = 'NEAR',
  FAR = 'FAR',
  NO_POSITION = 'NO_POSITION',
  NO_REFERENCE = 'NO_REFERENCE',
}
registerEnumType(PositionVerdictValue, {
  name: 'PositionVerdict',
  description:
    'Whether the positions a phone recorded with a report lie near the work (FIELD_POSITION_TOLERANCE_METRES, 300 m by default).',
  valuesConfig: {
    NEAR: { description: 'Every position recorded lies within the tolerance of the work.' },
    FAR: {
      description:
        'At least one position recorded lies beyond the tolerance: check the photos were taken at this home.',
    },
    NO_POSITION: { description: 'The phone recorded no position with the report or its photos.' },
    NO_REFERENCE: {
      description: "The work's position is unknown (no site position, no commune centre): nothing to compare with.",
    },
  },
});

@ObjectType({ description: 'A point on the map where the work is, and where that knowledge comes from.' })
export class GeoPosition {
  @Field(() => Float, { description: 'Latitude, decimal degrees (WGS 84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, decimal degrees (WGS 84).' })
  longitude!: number;

  @Field(() => PositionSource, { description: "The site's position, or the commune's centre." })
  source!: PositionSource;
}

@ObjectType({ description: "The check of a report's recorded positions against the work's position." })
export class PositionCheck {
  @Field(() => PositionVerdictValue, { description: 'The verdict.' })
  verdict!: PositionVerdict;

  @Field(() => Int, {
    nullable: true,
    description:
      'Distance from the work to the farthest position recorded, in metres; null with NO_POSITION or NO_REFERENCE.',
  })
  distanceMetres!: number | null;

  @Field(() => Int, {
    description:
      "The tolerance it was compared with, in metres: FIELD_POSITION_TOLERANCE_METRES (300 by default) from a site's position, 20,000 from a commune's " +
      'centre (a commune spans kilometres, and its public centre may be 10 km off).',
  })
  toleranceMetres!: number;

  @Field(() => GeoPosition, {
    nullable: true,
    description: "The work's position it was compared with; null when unknown.",
  })
  reference!: GeoPosition | null;
}

@ObjectType({ description: 'The optical thresholds of one network class.' })
export class NetworkClassThreshold extends QualityThresholdObject {
  @Field(() => NetworkClass, { description: 'The network class.' })
  networkClass!: NetworkClass;
}

@ObjectType({
  description:
    'What the field view needs to check a report before it is sent, from the server that judges it: the same rules, one source.',
})
export class FieldSettings {
  @Field(() => [PhotoKind], {
    description:
      'The photos an installation report must carry (PBO, PTO, power meter); a report without one is flagged (missingPhotoKinds).',
  })
  requiredPhotoKinds!: PhotoKind[];

  @Field(() => [NetworkClassThreshold], {
    description: 'The optical thresholds of each network class in force (QUALITY_THRESHOLDS, else the defaults).',
  })
  qualityThresholds!: NetworkClassThreshold[];

  @Field(() => Int, {
    description:
      "How far from a site's position the positions recorded with a report may lie before it is flagged FAR, in metres.",
  })
  positionToleranceMetres!: number;

  @Field(() => Int, { description: 'Most photos one report or failure may carry (PHOTO_MAX_PER_REPORT).' })
  maxPhotosPerReport!: number;

  @Field(() => Int, { description: 'Largest photo file PUT /photos/<id> accepts, in bytes (PHOTO_MAX_BYTES).' })
  maxPhotoBytes!: number;
}

@ObjectType({ description: 'An item of work a report can measure: a price schedule item without its price.' })
export class WorkItem {
  @Field(() => String, { description: 'Item code, e.g. "RAC-STD".' })
  code!: string;

  @Field(() => String, { description: 'Designation, in French as on invoices.' })
  designation!: string;

  @Field(() => PriceUnit, {
    description:
      'Unit the quantity is measured in: whole numbers for U and FORFAIT, metres (3 decimals at most) for M.',
  })
  unit!: PriceUnit;
}

/** The work's position: the site's when the viewer's query can load it, else the commune's centre. */
async function positionOf(
  context: Context,
  subscription: Pick<CustomerSubscriptionRecord, 'site' | 'commune'>,
): Promise<WorkPosition | null> {
  const [site, commune] = await Promise.all([
    subscription.site ? context.loaders.sites.byId.load(subscription.site.id) : null,
    communeRecord(context.em, subscription.commune.id),
  ]);
  return workPosition(site, commune);
}

/** The field view's settings and work items, and the positions of the work. */
@Resolver()
export class FieldWorkResolver {
  @Query(() => FieldSettings, {
    description:
      'What a report is checked against: required photos, optical thresholds, position tolerance, photo limits.',
  })
  fieldSettings(@Ctx() context: Context): FieldSettings {
    const thresholds = context.settings?.qualityThresholds ?? defaultQualityThresholds;
    return {
      requiredPhotoKinds: [...requiredPhotoKinds],
      qualityThresholds: Object.values(NetworkClass).flatMap((networkClass) => {
        const threshold = thresholds[networkClass];
        return threshold ? [{ networkClass, ...threshold }] : [];
      }),
      positionToleranceMetres: context.settings?.positionToleranceMetres ?? defaultPositionToleranceMetres,
      maxPhotosPerReport: photoLimitsOf(context).maxPerReport,
      maxPhotoBytes: photoLimitsOf(context).maxBytes,
    };
  }

  @Query(() => [WorkItem], {
    description:
      'The items of the price schedule in force on a date (Algiers; today when left out), without their prices: what a report measures. ' +
      'Empty before the first schedule. BAD_USER_INPUT for a malformed date.',
    complexity: listOf(50),
  })
  async workItems(
    @Arg('on', () => LocalDate, {
      nullable: true,
      description: 'The day whose price schedule lists the items, YYYY-MM-DD; today in Algiers when left out.',
    })
    on: string | null,
    @Ctx() context: Context,
  ): Promise<WorkItem[]> {
    const schedule = await priceScheduleInForce(context, on ?? null);
    if (!schedule) return [];
    return (await schedule.items.load({ dataloader: true }))
      .getItems()
      .map(({ code, designation, unit }) => ({ code, designation, unit }));
  }
}

@Resolver(() => CustomerSubscription)
export class CustomerSubscriptionFieldResolver {
  @FieldResolver(() => GeoPosition, {
    nullable: true,
    description:
      "Where the work is, for the way there: the site's position, else the commune's centre; null when neither is known.",
  })
  position(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'site' | 'commune'>,
    @Ctx() context: Context,
  ): Promise<WorkPosition | null> {
    return positionOf(context, subscription);
  }

  @FieldResolver(() => [Photo], {
    description:
      'Every photo of the work, oldest first: those attached to its installation reports or to its failure, and those uploaded and waiting for a report.',
    complexity: listOf(10),
  })
  async photos(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'id'>,
    @Ctx() context: Context,
  ): Promise<Photo[]> {
    return ownPhotos(context, await context.loaders.photos.byCustomerSubscription.load(subscription.id));
  }

  @FieldResolver(() => [String], {
    description:
      'The reserves to lift, one point each, as the acceptance refused the installation with them (rejectInstallation): those of the latest rejection while the work is REJECTED; empty in any other status.',
    complexity: listOf(20),
  })
  async reserves(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'id' | 'status'>,
    @Ctx() context: Context,
  ): Promise<string[]> {
    if (subscription.status !== CustomerSubscriptionStatus.REJECTED) return [];
    return context.loaders.customerSubscriptions.latestReserves.load(subscription.id);
  }
}

@Resolver(() => Photo)
export class PhotoPositionResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Latitude where it was taken, decimal degrees (WGS 84); null without a position, and for roles that may not read personal data (it places the home).',
  })
  latitude(@Root() photo: Photo, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? photo.latitude : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Longitude where it was taken, decimal degrees (WGS 84); null as latitude is.',
  })
  longitude(@Root() photo: Photo, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? photo.longitude : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The position's accuracy as the phone reported it, in metres (radius); null when unknown, and as latitude is.",
  })
  accuracyMetres(@Root() photo: Photo, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? photo.accuracyMetres : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the very same image (the same bytes) was uploaded for another photo too — another kind of this report, or other work: one picture cannot show two things; check it before accepting.',
  })
  async reused(@Root() photo: Photo, @Ctx() context: Context): Promise<boolean> {
    return (await context.loaders.photos.uploadsOfImage.load(photo.uploadSha256)) > 1;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Distance from where the photo was taken to the work (its site's position, else its commune's centre), in metres; null when either is unknown.",
  })
  async distanceFromWorkMetres(@Root() photo: Photo, @Ctx() context: Context): Promise<number | null> {
    if (photo.latitude === null || photo.longitude === null) return null;
    const reference = await positionOf(context, await photo.customerSubscription.loadOrFail({ dataloader: true }));
    return reference
      ? Math.round(metresBetween(reference, { latitude: photo.latitude, longitude: photo.longitude }))
      : null;
  }
}

@Resolver(() => InstallationReport)
export class InstallationReportFieldResolver {
  @FieldResolver(() => [Photo], {
    description: 'The photos sent with the report, oldest first.',
    complexity: listOf(10),
  })
  async photoFiles(@Root() report: InstallationReport, @Ctx() context: Context): Promise<Photo[]> {
    return ownPhotos(context, await context.loaders.photos.byReport.load(report.id));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Latitude where the report was made, decimal degrees (WGS 84); null without a position, and for roles that may not read personal data (it places the home).',
  })
  latitude(@Root() report: InstallationReport, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? report.latitude : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Longitude where the report was made, decimal degrees (WGS 84); null as latitude is.',
  })
  longitude(@Root() report: InstallationReport, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? report.longitude : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The position's accuracy as the phone reported it, in metres (radius); null when unknown, and as latitude is.",
  })
  positionAccuracyMetres(@Root() report: InstallationReport, @Ctx() context: Context): number | null {
    return maySeeCustomerData(context) ? report.positionAccuracyMetres : null;
  }

  @FieldResolver(() => [PhotoMetadata], {
    description:
      'Time and place of photos kept elsewhere, as reported before photos were files; the photos themselves are in photoFiles. Empty for roles that may not read personal data.',
  })
  photos(@Root() report: InstallationReport, @Ctx() context: Context): PhotoMetadata[] {
    return maySeeCustomerData(context) ? report.photos : [];
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the customer signed that the line works (a SIGNATURE photo is attached); else signatureMissingReason says why not, when given.',
  })
  async customerSigned(@Root() report: InstallationReport, @Ctx() context: Context): Promise<boolean> {
    return (await context.loaders.photos.byReport.load(report.id)).some((photo) => photo.kind === PhotoKind.SIGNATURE);
  }

  @FieldResolver(() => [PhotoKind], {
    description:
      'The required photo kinds the report does not carry (see fieldSettings.requiredPhotoKinds); empty when it has them all.',
  })
  async missingPhotoKinds(@Root() report: InstallationReport, @Ctx() context: Context): Promise<PhotoKind[]> {
    const photos: Photo[] = await context.loaders.photos.byReport.load(report.id);
    return missingPhotoKinds(photos.map((photo) => photo.kind));
  }

  @FieldResolver(() => PositionCheck, {
    description:
      'Whether the positions recorded with the report and its photos lie near the work: flag FAR and NO_POSITION before accepting.',
  })
  async positionCheck(@Root() report: InstallationReport, @Ctx() context: Context): Promise<PositionCheck> {
    const subscription = await report.customerSubscription.loadOrFail({ dataloader: true });
    const [reference, photos] = await Promise.all([
      positionOf(context, subscription),
      context.loaders.photos.byReport.load(report.id),
    ]);
    const siteToleranceMetres = context.settings?.positionToleranceMetres ?? defaultPositionToleranceMetres;
    return {
      ...checkPositions(reference, [report, ...photos], siteToleranceMetres),
      reference: reference as GeoPosition | null,
    };
  }
}
