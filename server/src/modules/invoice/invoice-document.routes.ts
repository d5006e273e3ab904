import type express from 'express';
import { ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import type { HttpRoutes, RequestContext } from '../../transport/application.js';
import { answerRefusal } from '../../transport/errors.js';
import { requireOperationAccess } from '../auth/permissions.js';
import type { InvoiceDocument } from './invoice-document.js';
import { creditNoteDocument, invoiceDocument } from './invoice-document.service.js';
import { renderInvoicePdf } from './invoice-pdf.js';

/**
 * GET route serving a document (invoice or credit note) as a PDF, under the access rule of
 * `Query.invoice`: the same Authorization header as the API; 401 or 403 in GraphQL's error shape
 * when it is refused, 404 when there is no such document the viewer may see.
 */
function documentRoute(
  contextOf: RequestContext,
  load: (context: Context, id: string) => Promise<InvoiceDocument | null>,
  filePrefix: string,
): express.RequestHandler<{ id: string }> {
  return async (request, response, next) => {
    try {
      const context = await contextOf(request);
      requireOperationAccess(context, 'Query', 'invoice');
      const document = /^[1-9]\d{0,17}$/.test(request.params.id) ? await load(context, request.params.id) : null;
      if (!document) {
        response.status(404).json({
          errors: [
            {
              message: `No ${filePrefix} with id "${request.params.id.slice(0, 40)}"`,
              extensions: { code: ErrorCode.NOT_FOUND },
            },
          ],
        });
        return;
      }
      const pdf = await renderInvoicePdf(document);
      response
        .status(200)
        .type('application/pdf')
        .setHeader(
          'Content-Disposition',
          `inline; filename="${filePrefix}-${document.number ?? `brouillon-${request.params.id}`}.pdf"`,
        )
        .setHeader('Cache-Control', 'private, no-store')
        .send(pdf);
    } catch (error) {
      answerRefusal(error, response, next);
    }
  };
}

const invoicePdf = '/invoices/:id/pdf';
const creditNotePdf = '/credit-notes/:id/pdf';

/** `GET /invoices/:id/pdf` and `GET /credit-notes/:id/pdf`: the documents as PDF (`documentRoute`). */
export const invoiceDocumentRoutes: HttpRoutes = {
  paths: [invoicePdf, creditNotePdf],
  mount(router, contextOf) {
    router.get(invoicePdf, documentRoute(contextOf, invoiceDocument, 'facture'));
    router.get(creditNotePdf, documentRoute(contextOf, creditNoteDocument, 'avoir'));
  },
};
