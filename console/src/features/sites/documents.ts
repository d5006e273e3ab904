import { graphql } from '../../lib/graphql.ts';
import { PagedCustomerSubscriptions } from '../work/documents.ts';

/** What a line of the sites' table shows (SitesTable.tsx), wherever sites are listed. */
export const SitesTableRow = graphql(`
  fragment SitesTableRow on Site {
    id
    code
    name
    status
    targetConnections
    acceptedConnections
    progress
    commune {
      name
    }
    wilaya {
      code
    }
    contractor {
      legalName
    }
  }
`);

/** One page of a list of sites, as SitesTable and the pager show it. */
export const PagedSites = graphql(
  `
    fragment PagedSites on SiteConnection {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SitesTableRow
        }
      }
    }
  `,
  [SitesTableRow],
);

export const SitesQuery = graphql(
  `
    query Sites($first: Int, $after: String, $filter: SiteFilterInput) {
      sites(first: $first, after: $after, filter: $filter) {
        ...PagedSites
      }
    }
  `,
  [PagedSites],
);

export const SiteQuery = graphql(`
  query Site($id: ID!) {
    site(id: $id) {
      id
      version
      code
      name
      kind
      status
      statusReason
      statusChangedAt
      viewerCan {
        assign
        start
        complete
        close
        suspend
        resume
      }
      targetConnections
      acceptedConnections
      progress
      plannedStart
      plannedEnd
      commune {
        name
        nameAr
      }
      wilaya {
        code
        name
      }
      contractor {
        id
        legalName
      }
    }
  }
`);

export const SiteChangedSubscription = graphql(`
  subscription SiteChanged($siteId: ID) {
    siteChanged(siteId: $siteId) {
      change
    }
  }
`);

export const AssignSiteMutation = graphql(`
  mutation AssignSite($input: AssignSiteInput!) {
    assignSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const StartSiteMutation = graphql(`
  mutation StartSite($input: SiteTransitionInput!) {
    startSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const CompleteSiteMutation = graphql(`
  mutation CompleteSite($input: SiteTransitionInput!) {
    completeSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const CloseSiteMutation = graphql(`
  mutation CloseSite($input: SiteTransitionInput!) {
    closeSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const SuspendSiteMutation = graphql(`
  mutation SuspendSite($input: SiteTransitionInput!) {
    suspendSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const ResumeSiteMutation = graphql(`
  mutation ResumeSite($input: SiteTransitionInput!) {
    resumeSite(input: $input) {
      site {
        id
        version
        status
      }
    }
  }
`);

export const SiteCustomerSubscriptionsQuery = graphql(
  `
    query SiteCustomerSubscriptions($siteId: ID!, $first: Int, $after: String) {
      customerSubscriptions(first: $first, after: $after, filter: { siteId: $siteId }) {
        ...PagedCustomerSubscriptions
      }
    }
  `,
  [PagedCustomerSubscriptions],
);

export const SiteCustomerSubscriptionChangedSubscription = graphql(`
  subscription SiteCustomerSubscriptionChanged($siteId: ID) {
    customerSubscriptionChanged(siteId: $siteId) {
      change
    }
  }
`);

export const CreateSiteMutation = graphql(`
  mutation CreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      site {
        id
      }
    }
  }
`);
