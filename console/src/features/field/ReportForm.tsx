import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldProblem } from '../../lib/errors.ts';
import { reasonInLanguage } from '../../lib/errors.ts';
import { formatCalendarDate, formatDb, formatDbm, formatDecimal } from '../../lib/format.ts';
import { algiersLocalToIso, isoToAlgiersLocal } from '../work/algiers-time.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { describeQualityIssue } from '../../../../shared/quality-gate.ts';
import { BarcodeScanner } from './BarcodeScanner.tsx';
import type { PhotoKind } from './db.ts';
import {
  discardDraft,
  dropDraftPhoto,
  keepDraftPhoto,
  returnToDraft,
  useDraftKeeper,
  type RestoredDraft,
} from './draft.ts';
import { DraftDiscard } from './DraftDiscard.tsx';
import type { FieldSettingsData, FieldWorkData } from './documents.ts';
import { useField } from './FieldRoutes.tsx';
import { mostAccurate } from './geo.ts';
import { networkClassLabels, photoKindLabels, unitLabels } from './labels.ts';
import { saveEntry } from './outbox.ts';
import { PhotoField, photoLimitProblems, takePhoto, type TakenPhoto } from './PhotoField.tsx';
import { flipSign, isMeasurementText, liveVerdict, namesUnit, normalizeDecimal, quantityProblem } from './report.ts';
import { SignatureField } from './SignatureField.tsx';
import { translatedProblems } from './OutboxPanel.tsx';

/** The report's fields shown beside a control (and each work line's, `lines.<code>`); a problem of another goes to its alert. */
const fields = [
  'installedAt',
  'technicianName',
  'networkClass',
  'receivedPowerDbm',
  'spliceLossDb',
  'lines',
  'photoIds',
  'ontSerialNumber',
  'signatureMissingReason',
  'remarks',
];

/** The photo kinds offered beyond those required: the ONT and any other view of the work. */
const optionalKinds: readonly PhotoKind[] = ['ONT', 'OTHER'];

interface Line {
  readonly key: string;
  readonly code: string;
  readonly quantity: string;
}

/** Where the name a user last reported under is kept in this browser: by user, as a phone may be shared. */
const technicianKey = (userId: string) => `raccord.field.technician:${userId}`;

/** The report's values as typed, as its draft keeps them. */
interface ReportValues {
  readonly installedAt: string;
  readonly technicianName: string;
  readonly networkClass: string;
  readonly power: string;
  readonly spliceLoss: string;
  readonly lines: readonly Line[];
  readonly ontSerial: string;
  readonly signatureMissing: boolean;
  readonly signatureMissingReason: string;
  readonly remarks: string;
}

/**
 * The installation report, as filled at the customer's door: when, who, the optical measurements
 * with the quality gate's verdict as they are typed, the work measured in each item's unit, the
 * photos (time and position stamped), the ONT's serial number (typed or read from its barcode), the
 * customer's signature or why there is none, remarks. It is kept as a draft on the phone as it is
 * typed (`draft`: the one kept, restored). Sending saves it in the outbox, which sends it now or when
 * the network returns; a refusal the server gives at once brings it back here, beside its field.
 */
export function ReportForm({
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
  const thresholds = settings.fieldSettings.qualityThresholds;
  const kept = draft?.values as Partial<ReportValues> | undefined;
  const [installedAt, setInstalledAt] = useState(
    () => kept?.installedAt ?? isoToAlgiersLocal(new Date().toISOString()),
  );
  const [technicianName, setTechnicianName] = useState(
    () => kept?.technicianName ?? localStorage.getItem(technicianKey(user.id)) ?? user.displayName,
  );
  const [networkClass, setNetworkClass] = useState<string>(
    kept?.networkClass ?? thresholds[0]?.networkClass ?? 'B_PLUS',
  );
  const [power, setPower] = useState(kept?.power ?? '');
  const [spliceLoss, setSpliceLoss] = useState(kept?.spliceLoss ?? '');
  const [lines, setLines] = useState<readonly Line[]>(kept?.lines ?? []);
  const [itemCode, setItemCode] = useState('');
  const [photos, setPhotos] = useState<TakenPhoto[]>(draft?.photos ?? []);
  const [ontSerial, setOntSerial] = useState(kept?.ontSerial ?? '');
  const [signature, setSignature] = useState<Blob | null>(draft?.signature ?? null);
  const [signatureMissing, setSignatureMissing] = useState(kept?.signatureMissing ?? false);
  const [signatureMissingReason, setSignatureMissingReason] = useState(kept?.signatureMissingReason ?? '');
  const [remarks, setRemarks] = useState(kept?.remarks ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const draftKey = { userId: user.id, customerSubscriptionId: work.id, kind: 'report' } as const;
  const values: ReportValues = {
    installedAt,
    technicianName,
    networkClass,
    power,
    spliceLoss,
    lines,
    ontSerial,
    signatureMissing,
    signatureMissingReason,
    remarks,
  };
  const keeper = useDraftKeeper(
    db,
    draftKey,
    { values: { ...values }, photoIds: photos.map((photo) => photo.id), signature },
    draft !== null,
  );
  const limits = {
    maxBytes: settings.fieldSettings.maxPhotoBytes,
    maxCount: settings.fieldSettings.maxPhotosPerReport,
  };
  const signed = signature !== null && !signatureMissing;
  const room = limits.maxCount - photos.length - (signed ? 1 : 0);
  const { scope, alert } = useFocusFirstProblem(problems);

  const threshold = thresholds.find((candidate) => candidate.networkClass === networkClass) ?? null;
  const verdict = liveVerdict(networkClass, power, spliceLoss, threshold);
  const items = settings.workItems;
  const unitOf = (code: string) => items.find((item) => item.code === code)?.unit ?? 'U';
  const required = settings.fieldSettings.requiredPhotoKinds as PhotoKind[];
  const kinds = [...required, ...optionalKinds.filter((kind) => !required.includes(kind))];

  function addLine() {
    if (!itemCode || lines.some((line) => line.code === itemCode)) return;
    setLines([...lines, { key: crypto.randomUUID(), code: itemCode, quantity: unitOf(itemCode) === 'M' ? '' : '1' }]);
    setItemCode('');
  }

  /** What the form itself finds missing or wrong, before saving. */
  function checked(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const instant = algiersLocalToIso(installedAt);
    if (!instant) found.push({ field: 'installedAt', message: t('Indiquez la date et l’heure de l’installation.') });
    else if (new Date(instant).getTime() > Date.now() + 60_000)
      found.push({ field: 'installedAt', message: t('L’installation ne peut pas être dans le futur.') });
    else if (work.earliestInstallationDay && installedAt.slice(0, 10) < work.earliestInstallationDay) {
      found.push({
        field: 'installedAt',
        message: t('L’installation ne peut pas être datée d’avant le jour du rendez-vous ({{day}}).', {
          day: formatCalendarDate(work.earliestInstallationDay),
        }),
      });
    }
    if (technicianName.trim() === '')
      found.push({ field: 'technicianName', message: t('Indiquez le nom du technicien.') });
    if (!isMeasurementText(power))
      found.push({ field: 'receivedPowerDbm', message: t('Indiquez la puissance reçue en dBm, par exemple −21,5.') });
    if (spliceLoss.trim() !== '' && !isMeasurementText(spliceLoss))
      found.push({ field: 'spliceLossDb', message: t('Perte d’épissure : un nombre de dB, par exemple 0,05.') });
    if (lines.length === 0) found.push({ field: 'lines', message: t('Ajoutez au moins un travail mesuré.') });
    for (const line of lines) {
      const problem = quantityProblem(line.quantity, unitOf(line.code));
      if (problem) found.push({ field: `lines.${line.code}`, message: t(problem) });
    }
    const missing = required.filter((kind) => !photos.some((photo) => photo.kind === kind));
    if (missing.length > 0)
      found.push({
        field: 'photoIds',
        message: t('Photos manquantes : {{kinds}}.', {
          kinds: missing.map((kind) => t(photoKindLabels[kind])).join(', '),
        }),
      });
    for (const message of photoLimitProblems(
      [...photos.map((photo) => photo.blob), ...(signed ? [signature] : [])],
      limits,
      t,
    ))
      found.push({ field: 'photoIds', message });
    if (signatureMissing ? signatureMissingReason.trim() === '' : !signature)
      found.push({
        field: 'signatureMissingReason',
        message: t('Faites signer le client, ou indiquez pourquoi il ne signe pas.'),
      });
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
    localStorage.setItem(technicianKey(user.id), technicianName.trim());
    const signaturePhotos = signed ? [await takePhoto(work.id, 'SIGNATURE', signature)] : [];
    const all = [...photos, ...signaturePhotos];
    const position = mostAccurate(all.map((photo) => photo.position));
    const input = {
      id: work.id,
      expectedVersion: work.version,
      installedAt: algiersLocalToIso(installedAt)!,
      technicianName: technicianName.trim(),
      networkClass,
      receivedPowerDbm: normalizeDecimal(power),
      spliceLossDb: spliceLoss.trim() === '' ? null : normalizeDecimal(spliceLoss),
      lines: lines.map((line) => ({ code: line.code, quantity: normalizeDecimal(line.quantity) })),
      remarks: remarks.trim() || null,
      ontSerialNumber: ontSerial.trim() || null,
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      positionAccuracyMetres: position?.accuracyMetres ?? null,
      signatureMissingReason: signatureMissing ? signatureMissingReason.trim() : null,
    };
    const id = await saveEntry(db, {
      userId: user.id,
      kind: 'report',
      customerSubscriptionId: work.id,
      customerName: work.customerName ?? '',
      orderReference: work.orderReference,
      input,
      photos: all,
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

  const powerProps = problemProps('report-power', problemOf(problems, 'receivedPowerDbm'));
  return (
    <form
      ref={scope}
      className="field-form"
      onSubmit={(event) => void send(event)}
      noValidate
      aria-labelledby="report-heading"
    >
      <h2 id="report-heading">{t('Rapport d’installation')}</h2>
      <label htmlFor="report-installed-at">{t('Heure de l’installation (heure d’Alger)')}</label>
      <input
        id="report-installed-at"
        type="datetime-local"
        value={installedAt}
        min={work.earliestInstallationDay ? `${work.earliestInstallationDay}T00:00` : undefined}
        onChange={(event) => setInstalledAt(event.target.value)}
        {...problemProps('report-installed-at', problemOf(problems, 'installedAt'))}
      />
      <ProblemNote id="report-installed-at" problem={problemOf(problems, 'installedAt')} />

      <label htmlFor="report-technician">{t('Technicien')}</label>
      <input
        dir="auto"
        id="report-technician"
        value={technicianName}
        onChange={(event) => setTechnicianName(event.target.value)}
        autoComplete="name"
        {...problemProps('report-technician', problemOf(problems, 'technicianName'))}
      />
      <ProblemNote id="report-technician" problem={problemOf(problems, 'technicianName')} />

      <fieldset>
        <legend>{t('Mesures optiques')}</legend>
        <label htmlFor="report-network-class">{t('Classe du réseau')}</label>
        <select
          id="report-network-class"
          value={networkClass}
          onChange={(event) => setNetworkClass(event.target.value)}
          {...problemProps('report-network-class', problemOf(problems, 'networkClass'))}
        >
          {thresholds.map((candidate) => (
            <option key={candidate.networkClass} value={candidate.networkClass}>
              {t(networkClassLabels[candidate.networkClass] ?? candidate.networkClass)}
            </option>
          ))}
        </select>
        <ProblemNote id="report-network-class" problem={problemOf(problems, 'networkClass')} />
        <label htmlFor="report-power">{t('Puissance reçue à l’ONT à 1490 nm (dBm)')}</label>
        <div className="field-inline">
          <button
            type="button"
            className="field-button secondary field-sign"
            onClick={() => setPower(flipSign(power))}
            aria-label={t('Changer le signe')}
          >
            ±
          </button>
          <input
            dir="auto"
            id="report-power"
            inputMode="decimal"
            autoComplete="off"
            value={power}
            onChange={(event) => setPower(event.target.value)}
            placeholder={formatDecimal('-21.5')}
            {...powerProps}
          />
        </div>
        {threshold && (
          <p className="muted">
            {t('Seuil : de {{min}} à {{max}}', {
              min: formatDecimal(threshold.minReceivedPowerDbm),
              max: formatDbm(threshold.maxReceivedPowerDbm),
            })}
          </p>
        )}
        <ProblemNote id="report-power" problem={problemOf(problems, 'receivedPowerDbm')} />
        <label htmlFor="report-splice-loss">{t('Perte d’épissure (dB, si mesurée)')}</label>
        <input
          dir="auto"
          id="report-splice-loss"
          inputMode="decimal"
          autoComplete="off"
          value={spliceLoss}
          onChange={(event) => setSpliceLoss(event.target.value)}
          placeholder={formatDecimal('0.05')}
          {...problemProps('report-splice-loss', problemOf(problems, 'spliceLossDb'))}
        />
        {threshold && (
          <p className="muted">{t('Seuil : au plus {{max}}', { max: formatDb(threshold.maxSpliceLossDb) })}</p>
        )}
        <ProblemNote id="report-splice-loss" problem={problemOf(problems, 'spliceLossDb')} />
        <div className={`field-verdict verdict-${verdict.state}`} aria-live="polite" data-testid="report-verdict">
          {verdict.state === 'incomplete' && t('Verdict : saisissez la puissance reçue.')}
          {verdict.state === 'within' && `✓ ${t('Dans les seuils')}`}
          {verdict.state === 'outside' && (
            <>
              <strong>✗ {t('Hors seuils')}</strong>
              <ul>
                {verdict.issues.map((issue) => (
                  <li key={issue.code}>{reasonInLanguage(describeQualityIssue(issue))}</li>
                ))}
              </ul>
              <p>{t('Le rapport sera enregistré, mais sa réception demandera une justification.')}</p>
            </>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('Travaux mesurés')}</legend>
        {lines.map((line) => {
          const item = items.find((candidate) => candidate.code === line.code);
          const id = `report-line-${line.code}`;
          const unit = unitOf(line.code);
          return (
            <div key={line.key} className="field-line">
              <label htmlFor={id}>
                {item?.designation ?? line.code}
                {!(item && namesUnit(item.designation, unit)) && (
                  <span className="muted"> ({t(unitLabels[unit] ?? unit)})</span>
                )}
              </label>
              <div className="field-inline">
                <input
                  dir="auto"
                  id={id}
                  inputMode={unit === 'M' ? 'decimal' : 'numeric'}
                  value={line.quantity}
                  onChange={(event) =>
                    setLines(
                      lines.map((candidate) =>
                        candidate.key === line.key ? { ...candidate, quantity: event.target.value } : candidate,
                      ),
                    )
                  }
                  {...problemProps(id, problemOf(problems, `lines.${line.code}`))}
                />
                <button
                  type="button"
                  className="field-button secondary"
                  onClick={() => setLines(lines.filter((candidate) => candidate.key !== line.key))}
                >
                  {t('Retirer')}
                </button>
              </div>
              <ProblemNote id={id} problem={problemOf(problems, `lines.${line.code}`)} />
            </div>
          );
        })}
        <label htmlFor="report-add-line">{t('Ajouter un travail')}</label>
        <div className="field-inline">
          <select
            id="report-add-line"
            value={itemCode}
            onChange={(event) => setItemCode(event.target.value)}
            {...problemProps('report-add-line', problemOf(problems, 'lines'))}
          >
            <option value="">{t('Choisir…')}</option>
            {items
              .filter((item) => !lines.some((line) => line.code === item.code))
              .map((item) => (
                <option key={item.code} value={item.code}>
                  {item.code} — {item.designation}
                </option>
              ))}
          </select>
          <button type="button" className="field-button secondary" onClick={addLine} disabled={!itemCode}>
            {t('Ajouter')}
          </button>
        </div>
        <ProblemNote id="report-add-line" problem={problemOf(problems, 'lines')} />
      </fieldset>

      <fieldset id="report-photos" tabIndex={-1}>
        <legend>{t('Photos')}</legend>
        {kinds.map((kind) => (
          <PhotoField
            key={kind}
            customerSubscriptionId={work.id}
            kind={kind}
            label={t(photoKindLabels[kind])}
            photos={photos.filter((photo) => photo.kind === kind)}
            onAdd={async (photo) => {
              await keepDraftPhoto(db, user.id, photo);
              setPhotos((current) => [...current, photo]);
            }}
            onRemove={(id) => {
              setPhotos((current) => current.filter((photo) => photo.id !== id));
              void dropDraftPhoto(db, id);
            }}
            required={required.includes(kind)}
            limits={limits}
            room={room}
          />
        ))}
        <ProblemNote id="report-photos" problem={problemOf(problems, 'photoIds')} />
      </fieldset>

      <label htmlFor="report-ont-serial">{t('Numéro de série de l’ONT')}</label>
      <input
        dir="auto"
        id="report-ont-serial"
        value={ontSerial}
        onChange={(event) => setOntSerial(event.target.value)}
        autoCapitalize="characters"
        autoComplete="off"
        {...problemProps('report-ont-serial', problemOf(problems, 'ontSerialNumber'))}
      />
      <ProblemNote id="report-ont-serial" problem={problemOf(problems, 'ontSerialNumber')} />
      <BarcodeScanner onRead={setOntSerial} />

      <fieldset>
        <legend>{t('Signature du client (PV de mise en service)')}</legend>
        {!signatureMissing && (
          <SignatureField
            initial={signature}
            onChange={setSignature}
            describedBy={problemOf(problems, 'signatureMissingReason') ? 'report-signature-missing-problem' : undefined}
          />
        )}
        <label className="field-check">
          <input
            type="checkbox"
            checked={signatureMissing}
            onChange={(event) => setSignatureMissing(event.target.checked)}
          />
          {t('Le client ne signe pas')}
        </label>
        {signatureMissing && (
          <>
            <label htmlFor="report-signature-missing">{t('Raison de l’absence de signature')}</label>
            <input
              dir="auto"
              id="report-signature-missing"
              value={signatureMissingReason}
              onChange={(event) => setSignatureMissingReason(event.target.value)}
              {...problemProps('report-signature-missing', problemOf(problems, 'signatureMissingReason'))}
            />
          </>
        )}
        <ProblemNote id="report-signature-missing" problem={problemOf(problems, 'signatureMissingReason')} />
      </fieldset>

      <label htmlFor="report-remarks">{t('Remarques')}</label>
      <textarea
        dir="auto"
        id="report-remarks"
        rows={3}
        value={remarks}
        onChange={(event) => setRemarks(event.target.value)}
        {...problemProps('report-remarks', problemOf(problems, 'remarks'))}
      />
      <ProblemNote id="report-remarks" problem={problemOf(problems, 'remarks')} />

      <ProblemsAlert
        ref={alert}
        problems={problems}
        fields={[...fields, ...lines.map((line) => `lines.${line.code}`)]}
      />
      <button type="submit" className="field-button primary" disabled={saving}>
        {saving ? t('Envoi…') : t('Envoyer le rapport')}
      </button>
      <p className="muted">
        {t('Sans réseau, le rapport attend sur ce téléphone et part tout seul au retour du réseau.')}
      </p>
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
