import type { MikroORM } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { randomBytes } from 'node:crypto';
import type { Mailer } from '../../common/mailer.js';
import { PasswordReset } from './password-reset.entity.js';
import { renderPasswordResetMail } from './password-reset.mail.js';
import { passwordResetMailTask, tokenHash, type PasswordResetJob } from './password-reset.service.js';

/** The console's page that sets a new password; the token follows in the fragment (`#…`), which browsers send to no server. */
export const resetPagePath = '/nouveau-mot-de-passe';

/**
 * The password reset job: `sendPasswordResetMail` makes the link's token (256 random bits), keeps
 * its hash on the reset, commits, and e-mails the link (`publicUrl` + `resetPagePath`) in the user's
 * language through `mailer`. A reset already used or expired, or whose user was disabled meanwhile,
 * sends nothing. A refused or unreachable mail server throws, and the queue tries again later with a
 * new token (the one before was never delivered, or is replaced). With no mailer or no console
 * address it logs that mail is off and completes (the API refuses resets then: MAIL_OFF).
 */
export function passwordResetTasks(options: {
  mailer: Mailer | null;
  publicUrl: string | undefined;
  orm: MikroORM;
}): TaskList {
  return {
    [passwordResetMailTask]: async (payload, helpers) => {
      const { passwordResetId } = payload as PasswordResetJob;
      if (!options.mailer || !options.publicUrl) {
        helpers.logger.info(
          `mail is off (SMTP_URL or PUBLIC_URL unset): password reset ${passwordResetId} not e-mailed`,
        );
        return;
      }
      const token = randomBytes(32).toString('base64url');
      const reset = await options.orm.em.fork().transactional(async (em) => {
        const found = await em.findOne(
          PasswordReset,
          { id: passwordResetId, usedAt: null, expiresAt: { $gt: new Date() }, user: { disabledAt: null } },
          { populate: ['user'] },
        );
        if (found) found.tokenHash = tokenHash(token);
        return found;
      });
      if (!reset) {
        helpers.logger.info(`password reset ${passwordResetId} is used, expired or its user disabled: not e-mailed`);
        return;
      }
      const user = reset.user.getEntity();
      const link = new URL(`${resetPagePath}#${token}`, options.publicUrl).toString();
      await options.mailer.send({
        to: user.email,
        ...renderPasswordResetMail({
          recipientName: user.displayName,
          language: user.language,
          link,
          minutes: Math.round((reset.expiresAt.getTime() - reset.createdAt.getTime()) / 60_000),
          byManager: reset.requestedBy !== null,
        }),
      });
    },
  };
}
