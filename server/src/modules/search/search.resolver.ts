import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { listReadBy } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { Invoice } from '../invoice/invoice.entity.js';
import { Site } from '../site/site.entity.js';
import { defaultSearchHits, maxSearchHits, search, SearchKind, SearchMatch } from './search.service.js';

registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a record matched the search.',
  valuesConfig: {
    EXACT: {
      description: 'Its identifier is the text: an invoice number, order reference, site code or NIF.',
    },
    PARTIAL: {
      description:
        'One of the fields its list searches contains the text (see each list’s `search` filter: names, codes, numbers, a customer’s phone).',
    },
  },
});

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'Which type of record a search hit is: the field of the hit that holds it.',
  valuesConfig: {
    CONTRACTOR: { description: 'A contractor (`contractor`).' },
    SITE: { description: 'A site (`site`).' },
    CUSTOMER_SUBSCRIPTION: { description: 'A customer subscription, the work of an order (`customerSubscription`).' },
    INVOICE: { description: 'An invoice (`invoice`).' },
  },
});

/*
 * The record is in the field of its kind rather than in a union: the queries run compiled by
 * graphql-jit, which calls a union's resolveType without awaiting it, and type-graphql's is async.
 */
@ObjectType({
  description:
    'A record the global search found, and how it matched: one of its record fields is set, the one `kind` names.',
})
export class SearchHit {
  @Field(() => SearchMatch, { description: 'Whether its identifier is the text, or a field contains it.' })
  match!: SearchMatch;

  @Field(() => SearchKind, { description: 'Which type of record it is: the field below that holds it.' })
  kind!: SearchKind;

  @Field(() => Contractor, {
    nullable: true,
    description: 'The contractor, when `kind` is CONTRACTOR; null otherwise.',
  })
  contractor!: Contractor | null;

  @Field(() => Site, { nullable: true, description: 'The site, when `kind` is SITE; null otherwise.' })
  site!: Site | null;

  @Field(() => CustomerSubscription, {
    nullable: true,
    description: 'The customer subscription, when `kind` is CUSTOMER_SUBSCRIPTION; null otherwise.',
  })
  customerSubscription!: CustomerSubscription | null;

  @Field(() => Invoice, { nullable: true, description: 'The invoice, when `kind` is INVOICE; null otherwise.' })
  invoice!: Invoice | null;
}

const fieldOfKind = {
  [SearchKind.CONTRACTOR]: 'contractor',
  [SearchKind.SITE]: 'site',
  [SearchKind.CUSTOMER_SUBSCRIPTION]: 'customerSubscription',
  [SearchKind.INVOICE]: 'invoice',
} as const;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    complexity: listReadBy(8, (args) => (typeof args['first'] === 'number' ? args['first'] : defaultSearchHits)),
    description:
      'The contractors, sites, customer subscriptions and invoices whose identifier or searched fields hold `text`, among those you may see (each type by the rule and scope of its list, e.g. a firm only its own work and invoices, no invoices for a technician): ' +
      'first the exact matches of an identifier (invoice number, order reference, site code, NIF), then the partial ones (the lists’ `search` filters: case, accents and Arabic letter variants aside), the types in turn. For people in the console: API keys use the lists’ filters. ' +
      'Errors: BAD_USER_INPUT (`text` over 100 characters or with control characters; `first` out of range).',
  })
  async search(
    @Arg('text', () => String, {
      description:
        'What to look for: part of a name, code or number (trimmed; ≤ 100 characters). A blank text finds nothing.',
    })
    text: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many hits at most: 1 to ${maxSearchHits}; ${defaultSearchHits} when left out.`,
    })
    first: number | null,
    @Ctx() context: Context,
  ): Promise<SearchHit[]> {
    const hits = await search(context, text, first);
    return hits.map((hit) => ({
      match: hit.match,
      kind: hit.kind,
      contractor: null,
      site: null,
      customerSubscription: null,
      invoice: null,
      [fieldOfKind[hit.kind]]: hit.record,
    }));
  }
}
