import { msg } from '../../lib/i18n.ts';

/** What each kind of photo shows, in a few words (shown through `t`). */
export const photoKindLabels: Record<string, string> = {
  PBO: msg('PBO'),
  PTO: msg('PTO'),
  POWER_METER: msg('Écran du mesureur'),
  ONT: msg('ONT'),
  FAILURE: msg('Obstacle'),
  SIGNATURE: msg('Signature du client'),
  OTHER: msg('Autre photo'),
};

/** What the work's position was taken from, as the position check says (shown through `t`). */
export const positionSourceLabels: Record<string, string> = {
  SITE: msg('la position du site'),
  COMMUNE: msg('le centre de la commune'),
};
