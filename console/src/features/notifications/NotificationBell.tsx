import { readFragment } from 'gql.tada';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { msg } from '../../lib/i18n.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import {
  MarkNotificationsReadMutation,
  NotificationAddedSubscription,
  NotificationItem,
  NotificationsQuery,
  UnreadNotificationCountQuery,
} from './documents.ts';
import { NotificationPreferences, type NotificationKind } from './NotificationPreferences.tsx';
import './notifications.css';

/** What each kind of notification says of its record (`label`: the record's reference). */
const kindTexts: Record<NotificationKind, string> = {
  WORK_ASSIGNED: msg('Travaux attribués : {{label}}'),
  INSTALLATION_REJECTED: msg('Installation refusée : {{label}}'),
  REVISION_REQUESTED: msg('Facture à réviser : {{label}}'),
  INVOICE_APPROVED: msg('Facture approuvée : {{label}}'),
  PAYMENT_RECORDED: msg('Paiement enregistré : {{label}}'),
  API_KEY_EXPIRING: msg('Clé d’API bientôt expirée : {{label}}'),
  WEBHOOK_DISABLED: msg('Webhook désactivé après des échecs répétés : {{label}}'),
};

/** The console's page of a notification's record; one who works in the field opens its work in the field view. */
function pathOf(subjectType: string, subjectId: string, fieldOnly: boolean): string {
  switch (subjectType) {
    case 'CUSTOMER_SUBSCRIPTION':
      return fieldOnly ? `/terrain/${subjectId}` : `/raccordements/${subjectId}`;
    case 'SITE':
      return `/sites/${subjectId}`;
    case 'INVOICE':
      return `/factures/${subjectId}`;
    case 'WEBHOOK_ENDPOINT':
      return '/webhooks';
    default:
      return '/acces';
  }
}

/**
 * The bell of the header: the viewer's unread count, kept live by `notificationAdded`, and a panel of
 * its latest notifications, each linking to its record (opening one marks it read), with "mark all
 * read" and its preferences: the kinds it also receives by e-mail, and by SMS when the server sends them.
 */
export function NotificationBell({ fieldOnly }: { fieldOnly: boolean }) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [counted, recount] = useQuery({ query: UnreadNotificationCountQuery, requestPolicy: 'network-only' });
  const [list, relist] = useQuery({ query: NotificationsQuery, variables: { first: 20 }, pause: !open });
  const [live] = useSubscription({ query: NotificationAddedSubscription });
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const unread = counted.data?.unreadNotificationCount ?? null;

  // Each new notification (and the start of the subscription, or events missed: a null one) reads the count again, and the open panel's list.
  useEffect(() => {
    if (!live.data) return;
    recount({ requestPolicy: 'network-only' });
    if (open) relist({ requestPolicy: 'network-only' });
    // Once per event: opening the panel reads its list by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live.data]);

  const toggle = () => {
    if (!open) relist({ requestPolicy: 'network-only' });
    setOpen(!open);
  };
  const marked = () => {
    recount({ requestPolicy: 'network-only' });
    relist({ requestPolicy: 'network-only' });
  };
  const notifications = (list.data?.notifications.edges ?? []).map((edge) => readFragment(NotificationItem, edge.node));

  return (
    <div className="notification-bell">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        aria-label={t('Notifications non lues : {{count}}', { count: unread ?? 0 })}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
          <path
            d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        {unread !== null && unread > 0 && (
          <span className="notification-count" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-label={t('Notifications')}>
          <div className="notification-panel-head">
            <h2>{t('Notifications')}</h2>
            <button
              type="button"
              disabled={!unread}
              onClick={async () => {
                await markRead({ input: { all: true } });
                marked();
              }}
            >
              {t('Tout marquer comme lu')}
            </button>
          </div>
          {list.fetching && !list.data && <p className="muted">{t('Chargement…')}</p>}
          {list.data && notifications.length === 0 && <p className="muted">{t('Aucune notification.')}</p>}
          <ul className="notification-list">
            {notifications.map((notification) => (
              <li key={notification.id} className={notification.readAt ? undefined : 'notification-unread'}>
                <Link
                  to={pathOf(notification.subjectType, notification.subjectId, fieldOnly)}
                  onClick={() => {
                    setOpen(false);
                    if (!notification.readAt) void markRead({ input: { ids: [notification.id] } }).then(marked);
                  }}
                >
                  {t(kindTexts[notification.kind], { label: notification.subjectLabel })}
                </Link>
                {notification.details.length > 0 && (
                  <ul className="notification-details">
                    {notification.details.map((detail, index) => (
                      <li key={index}>{detail}</li>
                    ))}
                  </ul>
                )}
                <span className="muted">{formatAlgiersDateTime(notification.createdAt)}</span>
              </li>
            ))}
          </ul>
          {list.data && (
            <NotificationPreferences
              preferences={list.data.notificationPreferences}
              onSaved={() => relist({ requestPolicy: 'network-only' })}
            />
          )}
        </section>
      )}
    </div>
  );
}
