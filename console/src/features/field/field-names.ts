import { msg } from '../../lib/i18n.ts';

/** The field view's words for the inputs of the API's mutations, to say which value a refusal concerns (shown through `t`). */
const labels: Record<string, string> = {
  installedAt: msg('Heure de l’installation'),
  technicianName: msg('Technicien'),
  networkClass: msg('Classe du réseau'),
  receivedPowerDbm: msg('Puissance reçue à l’ONT (1490 nm)'),
  spliceLossDb: msg('Perte d’épissure'),
  lines: msg('Travaux mesurés'),
  remarks: msg('Remarques'),
  photoIds: msg('Photos'),
  ontSerialNumber: msg('Numéro de série de l’ONT'),
  latitude: msg('Position'),
  longitude: msg('Position'),
  positionAccuracyMetres: msg('Position'),
  signatureMissingReason: msg('Raison de l’absence de signature'),
  failureReason: msg('Motif de l’échec'),
  reason: msg('Précisions'),
  appointmentAt: msg('Rendez-vous (heure d’Alger)'),
  expectedVersion: msg('Version du travail'),
};

/** The label of an input field of the API (its first part for a nested one, e.g. "lines.0.quantity"), or the field itself when unknown. */
export function fieldLabelOf(field: string): string {
  return labels[field] ?? labels[field.split(/[.[]/)[0]!] ?? field;
}
