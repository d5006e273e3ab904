import { graphql } from '../../lib/graphql.ts';

export const WilayasQuery = graphql(`
  query Wilayas {
    wilayas {
      code
      name
      nameAr
      communeCount
    }
  }
`);

export const WilayaQuery = graphql(`
  query Wilaya($code: String!) {
    wilaya(code: $code) {
      code
      name
      nameAr
      communeCount
      communes {
        id
        name
        nameAr
        daira {
          id
          name
          nameAr
        }
      }
    }
  }
`);
