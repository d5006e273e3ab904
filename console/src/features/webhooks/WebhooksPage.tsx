import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { RedeliverWebhookDeliveryMutation, WebhookEndpointsQuery } from './documents.ts';
import { EmptyState } from '../../components/EmptyState.tsx';

/** The events an endpoint may receive, as the console names them. */
const eventLabels: Record<string, string> = {
  INVOICE_CHANGED: msg('Factures'),
  CUSTOMER_SUBSCRIPTION_CHANGED: msg('Raccordements'),
  SITE_CHANGED: msg('Sites'),
};

const deliveryStatusLabels: Record<string, string> = {
  PENDING: msg('En attente'),
  SUCCEEDED: msg('Livrée'),
  FAILED: msg('Abandonnée'),
};

/** Endpoints shown per page. */
const endpointsPerPage = 20;

type Endpoint = ResultOf<typeof WebhookEndpointsQuery>['webhookEndpoints']['edges'][number]['node'];

/** The webhook endpoints the viewer manages, each with its latest deliveries, which may be sent again. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [endpoints, reexecute] = useQuery({
    query: WebhookEndpointsQuery,
    variables: { first: endpointsPerPage, after: cursors.at(-1) ?? null },
  });
  const page = endpoints.data?.webhookEndpoints;
  return (
    <section>
      <h1>{t('Webhooks')}</h1>
      <QueryState
        shape="table"
        fetching={endpoints.fetching && !endpoints.data}
        error={endpoints.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {page && page.edges.length === 0 && (
        <EmptyState
          title={t('Aucun point de réception pour l’instant.')}
          next={t(
            'Une application qui veut être prévenue des changements déclare son adresse par l’API (createWebhookEndpoint) ; ses livraisons s’afficheront ici.',
          )}
        />
      )}
      {page?.edges.map(({ node }) => (
        <EndpointDeliveries key={node.id} endpoint={node} />
      ))}
      {page && <Pager cursors={cursors} onChange={setCursors} pageInfo={page.pageInfo} />}
    </section>
  );
}

function EndpointDeliveries({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation();
  const [redelivered, redeliver] = useMutation(RedeliverWebhookDeliveryMutation);
  return (
    <article className="card" data-testid="webhook-endpoint">
      <h2>{endpoint.url}</h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p>
        {endpoint.contractor ? endpoint.contractor.legalName : t('Algérie Télécom')} ·{' '}
        {endpoint.eventTypes.map((type) => t(eventLabels[type] ?? type)).join(', ')} ·{' '}
        {endpoint.status === 'ENABLED'
          ? t('Actif')
          : endpoint.disabledReason === 'FAILING'
            ? t('Désactivé : ses livraisons échouaient depuis des jours')
            : t('Désactivé')}
      </p>
      {endpoint.failingSince && (
        <p className="muted">
          {t('En échec depuis le {{instant}}', { instant: formatAlgiersDateTime(endpoint.failingSince) })}
        </p>
      )}
      {redelivered.error && (
        <p role="alert" className="state state-error">
          {problemsOf(redelivered.error)
            .map((problem) => problem.message)
            .join(' ')}
        </p>
      )}
      {endpoint.deliveries.edges.length === 0 ? (
        <p className="state">{t('Aucune livraison pour l’instant.')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('Événement')}</th>
              <th>{t('Type')}</th>
              <th>{t('État')}</th>
              <th>{t('Tentatives')}</th>
              <th>{t('Dernière réponse')}</th>
              <th>{t('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {endpoint.deliveries.edges.map(({ node: delivery }) => {
              const last = delivery.attempts.at(-1);
              return (
                <tr key={delivery.id} data-testid="webhook-delivery">
                  <td>
                    <bdi>{delivery.webhookId}</bdi>
                  </td>
                  <td>
                    <bdi>{t(eventLabels[delivery.eventType] ?? delivery.eventType)}</bdi>
                  </td>
                  <td>
                    <bdi>{t(deliveryStatusLabels[delivery.status] ?? delivery.status)}</bdi>
                  </td>
                  <td>
                    <bdi>{delivery.attemptCount}</bdi>
                  </td>
                  <td>
                    <bdi>
                      {last
                        ? (last.httpStatus ?? last.error ?? '')
                        : delivery.nextAttemptAt
                          ? t('Prévue le {{instant}}', { instant: formatAlgiersDateTime(delivery.nextAttemptAt) })
                          : ''}
                    </bdi>
                  </td>
                  <td>
                    <bdi>
                      {endpoint.status === 'ENABLED' && (
                        <button
                          type="button"
                          disabled={redelivered.fetching}
                          onClick={() => void redeliver({ id: delivery.id })}
                        >
                          {t('Renvoyer')}
                        </button>
                      )}
                    </bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
