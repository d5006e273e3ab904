import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldProblem } from '../../lib/errors.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { failureReasonLabels } from '../work/labels.ts';
import type { FieldSettingsData, FieldWorkData } from './documents.ts';
import {
  discardDraft,
  dropDraftPhoto,
  keepDraftPhoto,
  returnToDraft,
  useDraftKeeper,
  type RestoredDraft,
} from './draft.ts';
import { DraftDiscard } from './DraftDiscard.tsx';
import { useField } from './FieldRoutes.tsx';
import { photoKindLabels } from './labels.ts';
import { translatedProblems } from './OutboxPanel.tsx';
import { saveEntry } from './outbox.ts';
import { PhotoField, photoLimitProblems, type TakenPhoto } from './PhotoField.tsx';

/** The fields the form shows beside a control; a problem of another goes to its alert. */
const fields = ['failureReason', 'reason', 'photoIds'];

/**
 * Declaring that the connection could not be made, from the door: the reason's code, details
 * (required for "other"), and a photo where it helps (no PBO on the façade). Kept as a draft as it
 * is typed, like a report, and saved in the outbox like one, so that it goes out without network too.
 */
export function FailureForm({
  work,
  settings,
  draft,
  onDiscarded,
}: {
  work: FieldWorkData;
  settings: FieldSettingsData;
  draft: RestoredDraft | null;
  onDiscarded: () => void;
}) {
  const { t } = useTranslation();
  const { db, user, sender } = useField();
  const navigate = useNavigate();
  const kept = draft?.values as { failureReason?: string; details?: string } | undefined;
  const [failureReason, setFailureReason] = useState(kept?.failureReason ?? '');
  const [details, setDetails] = useState(kept?.details ?? '');
  const [photos, setPhotos] = useState<TakenPhoto[]>(draft?.photos ?? []);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const { scope, alert } = useFocusFirstProblem(problems);
  const draftKey = { userId: user.id, customerSubscriptionId: work.id, kind: 'failure' } as const;
  const keeper = useDraftKeeper(
    db,
    draftKey,
    { values: { failureReason, details }, photoIds: photos.map((photo) => photo.id), signature: null },
    draft !== null,
  );
  const limits = {
    maxBytes: settings.fieldSettings.maxPhotoBytes,
    maxCount: settings.fieldSettings.maxPhotosPerReport,
  };

  function checked(): FieldProblem[] {
    const found: FieldProblem[] = [];
    if (!failureReason) found.push({ field: 'failureReason', message: t('Choisissez le motif de l’échec.') });
    if (failureReason === 'OTHER' && details.trim() === '')
      found.push({ field: 'reason', message: t('Précisez le motif : « Autre » demande une explication.') });
    for (const message of photoLimitProblems(
      photos.map((photo) => photo.blob),
      limits,
      t,
    ))
      found.push({ field: 'photoIds', message });
    return found;
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const found = checked();
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    setSaving(true);
    keeper.pause();
    const input = { id: work.id, expectedVersion: work.version, failureReason, reason: details.trim() || null };
    const id = await saveEntry(db, {
      userId: user.id,
      kind: 'failure',
      customerSubscriptionId: work.id,
      customerName: work.customerName ?? '',
      orderReference: work.orderReference,
      input,
      photos,
    });
    await sender.flush();
    const entry = await db.outbox.get(id);
    setSaving(false);
    if (entry?.state === 'blocked') {
      await returnToDraft(
        db,
        id,
        photos.map((photo) => photo.id),
      );
      keeper.resume();
      setProblems(translatedProblems(entry.problems, t));
      return;
    }
    void navigate('/terrain', { replace: true, state: { saved: id } });
  }

  return (
    <form
      ref={scope}
      className="field-form"
      onSubmit={(event) => void send(event)}
      noValidate
      aria-labelledby="failure-heading"
    >
      <h2 id="failure-heading">{t('Déclarer un échec')}</h2>
      <label htmlFor="failure-reason">{t('Motif de l’échec')}</label>
      <select
        id="failure-reason"
        value={failureReason}
        onChange={(event) => setFailureReason(event.target.value)}
        {...problemProps('failure-reason', problemOf(problems, 'failureReason'))}
      >
        <option value="">{t('Choisir…')}</option>
        {Object.entries(failureReasonLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {t(label)}
          </option>
        ))}
      </select>
      <ProblemNote id="failure-reason" problem={problemOf(problems, 'failureReason')} />
      <label htmlFor="failure-details">{t('Précisions (obligatoires pour « Autre »)')}</label>
      <textarea
        dir="auto"
        id="failure-details"
        rows={3}
        value={details}
        onChange={(event) => setDetails(event.target.value)}
        {...problemProps('failure-details', problemOf(problems, 'reason'))}
      />
      <ProblemNote id="failure-details" problem={problemOf(problems, 'reason')} />
      <PhotoField
        customerSubscriptionId={work.id}
        kind="FAILURE"
        label={t(photoKindLabels.FAILURE)}
        photos={photos}
        onAdd={async (photo) => {
          await keepDraftPhoto(db, user.id, photo);
          setPhotos((current) => [...current, photo]);
        }}
        onRemove={(id) => {
          setPhotos((current) => current.filter((photo) => photo.id !== id));
          void dropDraftPhoto(db, id);
        }}
        required={false}
        limits={limits}
        room={limits.maxCount - photos.length}
        problem={problemOf(problems, 'photoIds')}
      />
      <ProblemsAlert ref={alert} problems={problems} fields={fields} />
      <button type="submit" className="field-button danger" disabled={saving}>
        {saving ? t('Envoi…') : t('Déclarer l’échec')}
      </button>
      <DraftDiscard
        onDiscard={async () => {
          keeper.pause();
          await discardDraft(
            db,
            draftKey,
            photos.map((photo) => photo.id),
          );
          onDiscarded();
        }}
      />
    </form>
  );
}
