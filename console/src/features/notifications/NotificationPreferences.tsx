import { readFragment, type FragmentOf } from 'gql.tada';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormField } from '../../components/FormField.tsx';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { NotificationItem, NotificationPreferencesFields, UpdateNotificationPreferencesMutation } from './documents.ts';

/** A kind of notification, as the API names it. */
export type NotificationKind = ResultOf<typeof NotificationItem>['kind'];

/** The kinds one may receive by e-mail or SMS, as the preferences name them, in the order shown. */
const kindNames: Record<NotificationKind, string> = {
  WORK_ASSIGNED: msg('Travaux attribués'),
  INSTALLATION_REJECTED: msg('Installations refusées'),
  REVISION_REQUESTED: msg('Factures à réviser'),
  INVOICE_APPROVED: msg('Factures approuvées'),
  PAYMENT_RECORDED: msg('Paiements enregistrés'),
  API_KEY_EXPIRING: msg('Clés d’API bientôt expirées'),
  WEBHOOK_DISABLED: msg('Webhooks désactivés'),
};
const kinds = Object.keys(kindNames) as NotificationKind[];

/** The fields of the preferences that the API names in its refusals, each shown beside its control. */
const smsFields = ['smsNumber', 'smsOn'];

/**
 * The viewer's choice of the kinds it also receives by e-mail and, when the server sends SMS
 * (`smsAvailable`), its mobile number and the kinds it receives by SMS; each change is saved at once,
 * and the API's refusals shown beside the number or the SMS kinds, the focus on the first.
 */
export function NotificationPreferences({
  preferences: masked,
  onSaved,
}: {
  preferences: FragmentOf<typeof NotificationPreferencesFields>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const preferences = readFragment(NotificationPreferencesFields, masked);
  const [saving, update] = useMutation(UpdateNotificationPreferencesMutation);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [smsNumber, setSmsNumber] = useState(preferences.smsNumber ?? '');
  const { scope, alert } = useFocusFirstProblem<HTMLDivElement>(problems);
  const smsOnProblem = problemOf(problems, 'smsOn');

  async function save(input: { emailKinds?: NotificationKind[]; smsNumber?: string; smsOn?: NotificationKind[] }) {
    const outcome = await update({ input });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    const saved =
      outcome.data &&
      readFragment(NotificationPreferencesFields, outcome.data.updateNotificationPreferences.preferences);
    if (saved) setSmsNumber(saved.smsNumber ?? '');
    onSaved();
  }
  const toggled = (chosen: readonly NotificationKind[], kind: NotificationKind, on: boolean) =>
    on ? [...chosen, kind] : chosen.filter((other) => other !== kind);

  return (
    <div ref={scope} className="notification-preferences">
      <fieldset>
        <legend>{t('Recevoir aussi par e-mail')}</legend>
        {kinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={preferences.emailKinds.includes(kind)}
              disabled={saving.fetching}
              onChange={(event) =>
                void save({ emailKinds: toggled(preferences.emailKinds, kind, event.target.checked) })
              }
            />
            {t(kindNames[kind])}
          </label>
        ))}
      </fieldset>
      {preferences.smsAvailable && (
        <>
          <form
            className="notification-sms-number"
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void save({ smsNumber });
            }}
          >
            <FormField
              id="sms-number"
              label={t('Numéro de mobile pour les SMS')}
              problem={problemOf(problems, 'smsNumber')}
            >
              {(attributes) => (
                <input
                  dir="auto"
                  {...attributes}
                  type="tel"
                  autoComplete="tel"
                  placeholder="0550 12 34 56"
                  value={smsNumber}
                  onChange={(event) => setSmsNumber(event.target.value)}
                />
              )}
            </FormField>
            <button type="submit" disabled={saving.fetching}>
              {t('Enregistrer le numéro')}
            </button>
          </form>
          <fieldset id="sms-kinds" tabIndex={-1} {...problemProps('sms-kinds', smsOnProblem)}>
            <legend>{t('Recevoir aussi par SMS')}</legend>
            {kinds.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={preferences.smsOn.includes(kind)}
                  disabled={saving.fetching}
                  onChange={(event) => void save({ smsOn: toggled(preferences.smsOn, kind, event.target.checked) })}
                />
                {t(kindNames[kind])}
              </label>
            ))}
            <ProblemNote id="sms-kinds" problem={smsOnProblem} />
          </fieldset>
        </>
      )}
      <ProblemsAlert ref={alert} problems={problems} fields={smsFields} />
    </div>
  );
}
