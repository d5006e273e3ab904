import { msg } from '../../lib/i18n.ts';
import type { PhotoKind } from './db.ts';

/** What each kind of photo shows, in words (shown through `t`). */
export const photoKindLabels: Record<PhotoKind, string> = {
  PBO: msg('Photo du PBO'),
  PTO: msg('Photo de la PTO'),
  POWER_METER: msg('Photo de l’écran du mesureur de puissance'),
  ONT: msg('Photo de l’ONT'),
  FAILURE: msg('Photo de l’obstacle'),
  SIGNATURE: msg('Signature du client'),
  OTHER: msg('Autre photo'),
};

/** The network classes, in words (shown through `t`). */
export const networkClassLabels: Record<string, string> = {
  B_PLUS: msg('GPON classe B+'),
  C_PLUS: msg('GPON classe C+'),
};

/** The units of the work items, as a quantity is written (shown through `t`). */
export const unitLabels: Record<string, string> = {
  U: msg('unité(s)'),
  M: msg('mètre(s)'),
  FORFAIT: msg('forfait(s)'),
};
