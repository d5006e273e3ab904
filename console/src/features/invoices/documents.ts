import { ServiceLevelClockFields } from '../../components/documents.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** What a line of the invoices' table shows (InvoicesTable.tsx), wherever invoices are listed. */
export const InvoicesTableRow = graphql(`
  fragment InvoicesTableRow on Invoice {
    id
    number
    period
    status
    issuedOn
    dueOn
    daysOverdue
    contractor {
      id
      legalName
    }
    netPayable {
      centimes
    }
    balanceDue {
      centimes
    }
  }
`);

/** One page of a list of invoices, as InvoicesTable and the pager show it. */
export const PagedInvoices = graphql(
  `
    fragment PagedInvoices on InvoiceConnection {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InvoicesTableRow
        }
      }
    }
  `,
  [InvoicesTableRow],
);

export const InvoicesQuery = graphql(
  `
    query Invoices($first: Int, $after: String, $filter: InvoiceFilterInput) {
      invoices(first: $first, after: $after, filter: $filter) {
        ...PagedInvoices
      }
    }
  `,
  [PagedInvoices],
);

export const InvoiceQuery = graphql(
  `
    query Invoice($id: ID!) {
      invoice(id: $id) {
        id
        version
        number
        period
        status
        statusReason
        issuedOn
        dueOn
        daysOverdue
        approvedAt
        pdfPath
        retentionPercent
        fiscalRegime
        amountInWords
        contractor {
          id
          legalName
        }
        viewerCan {
          submit
          approve
          requestRevision
          resubmit
          recordPayment
          issueCreditNote
        }
        viewerIsIssuer
        lines {
          id
          customerSubscriptionId
          orderReference
          itemCode
          designation
          unit
          quantity
          unitPrice {
            centimes
          }
          vatRatePercent
          amount {
            centimes
          }
          creditedQuantity
          rejectionReason
        }
        totalExcludingTax {
          centimes
        }
        vatByRate {
          ratePercent
          amount {
            centimes
          }
        }
        totalIncludingTax {
          centimes
        }
        retention {
          centimes
        }
        netPayable {
          centimes
        }
        credited {
          centimes
        }
        paid {
          centimes
        }
        balanceDue {
          centimes
        }
        payments {
          id
          paidOn
          method
          reference
          amount {
            centimes
          }
        }
        creditNotes {
          id
          number
          issuedOn
          reason
          pdfPath
          netPayable {
            centimes
          }
          lines {
            id
            invoiceLineId
            itemCode
            designation
            quantity
            unit
          }
        }
        serviceLevelClocks {
          ...ServiceLevelClockFields
        }
      }
    }
  `,
  [ServiceLevelClockFields],
);

/** One invoice as its page shows it, each panel a part of it. */
export type InvoiceData = NonNullable<ResultOf<typeof InvoiceQuery>['invoice']>;

export const InvoiceChangedSubscription = graphql(`
  subscription InvoiceChanged($invoiceId: ID) {
    invoiceChanged(invoiceId: $invoiceId) {
      change
    }
  }
`);

export const ApproveInvoiceMutation = graphql(`
  mutation ApproveInvoice($input: InvoiceTransitionInput!) {
    approveInvoice(input: $input) {
      invoice {
        id
        version
        status
      }
    }
  }
`);

export const RecordInvoicePaymentMutation = graphql(`
  mutation RecordInvoicePayment($input: RecordInvoicePaymentInput!) {
    recordInvoicePayment(input: $input) {
      invoice {
        id
        version
        status
      }
    }
  }
`);

export const RequestInvoiceRevisionMutation = graphql(`
  mutation RequestInvoiceRevision($input: RequestInvoiceRevisionInput!) {
    requestInvoiceRevision(input: $input) {
      invoice {
        id
        version
        status
      }
    }
  }
`);

export const SubmitInvoiceMutation = graphql(`
  mutation SubmitInvoice($input: InvoiceTransitionInput!) {
    submitInvoice(input: $input) {
      invoice {
        id
        version
        status
        number
      }
    }
  }
`);

export const ResubmitInvoiceMutation = graphql(`
  mutation ResubmitInvoice($input: ResubmitInvoiceInput!) {
    resubmitInvoice(input: $input) {
      invoice {
        id
        version
        status
        creditNotes {
          id
          number
        }
      }
    }
  }
`);

export const IssueCreditNoteMutation = graphql(`
  mutation IssueCreditNote($input: IssueCreditNoteInput!) {
    issueCreditNote(input: $input) {
      creditNote {
        id
        number
      }
      invoice {
        id
        version
        status
      }
    }
  }
`);
