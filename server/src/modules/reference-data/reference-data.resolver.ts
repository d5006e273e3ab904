import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { Commune } from './commune.entity.js';
import { Daira } from './daira.entity.js';
import {
  dairaRecord,
  wilayaRecord,
  type CommuneRecord,
  type DairaRecord,
  type WilayaRecord,
} from './reference-data.cache.js';
import { findWilaya, listCommunes, listWilayas } from './reference-data.service.js';
import { Wilaya } from './wilaya.entity.js';
import { wilayaFilterRule } from '../../common/validation.js';

/** The most communes a wilaya has (Tizi Ouzou, 67, in the shipped reference data): what a wilaya's communes cost at most. */
const maxCommunesPerWilaya = 67;

@Resolver(() => Wilaya)
export class WilayaResolver {
  @Query(() => [Wilaya], { description: 'All wilayas (58 today), ordered by code.', complexity: listOf(70) })
  wilayas(@Ctx() context: Context): Promise<Wilaya[]> {
    return listWilayas(context);
  }

  @Query(() => Wilaya, {
    nullable: true,
    description: 'The wilaya with this code, or null when there is none. BAD_USER_INPUT when `code` is not two digits.',
  })
  wilaya(
    @Arg('code', () => String, { description: 'Two digits with a leading zero, e.g. "01".' }) code: string,
    @Ctx() context: Context,
  ): Promise<Wilaya | null> {
    return findWilaya(context, code);
  }

  @FieldResolver(() => Int, { description: 'Number of communes in the wilaya.' })
  communeCount(@Root() wilaya: Wilaya, @Ctx() context: Context): Promise<number> {
    return context.loaders.referenceData.communeCountByWilaya.load(wilaya.code);
  }

  @FieldResolver(() => [Commune], {
    description: 'Communes of the wilaya, ordered by French name.',
    complexity: listOf(maxCommunesPerWilaya),
  })
  communes(@Root() wilaya: Wilaya, @Ctx() context: Context): Promise<Commune[]> {
    return context.loaders.referenceData.communesByWilaya.load(wilaya.code);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => [Commune], {
    description:
      'Communes ordered by wilaya code then French name, optionally of one wilaya and/or whose French or Arabic ' +
      'name contains `search` (case, accents and Arabic letter variants aside). BAD_USER_INPUT when `wilayaCode` is not the code of a wilaya or `search` ' +
      'is over 100 characters.',
    complexity: listOf((args) => (args['wilayaCode'] ? 70 : 1541)),
  })
  communes(
    @Ctx() context: Context,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Keep the communes of this wilaya. ${wilayaFilterRule}`,
    })
    wilayaCode?: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the French or Arabic name.' })
    search?: string | null,
  ): Promise<Commune[]> {
    return listCommunes(context, { wilayaCode, search });
  }

  @FieldResolver(() => Wilaya, { description: 'The wilaya the commune belongs to.' })
  wilaya(@Root() commune: Pick<CommuneRecord, 'wilaya'>, @Ctx() context: Context): Promise<WilayaRecord> {
    return wilayaRecord(context.em, commune.wilaya.code);
  }

  @FieldResolver(() => Daira, { description: 'The daïra the commune belongs to.' })
  daira(@Root() commune: Pick<CommuneRecord, 'daira'>, @Ctx() context: Context): Promise<DairaRecord> {
    return dairaRecord(context.em, commune.daira.id);
  }
}

@Resolver(() => Daira)
export class DairaResolver {
  @FieldResolver(() => Wilaya, { description: 'The wilaya the daïra belongs to.' })
  wilaya(@Root() daira: Pick<DairaRecord, 'wilaya'>, @Ctx() context: Context): Promise<WilayaRecord> {
    return wilayaRecord(context.em, daira.wilaya.code);
  }
}
