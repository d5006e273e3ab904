import type { CombinedError } from 'urql';

/** What a user is told for each of the API's error codes (see server/src/common/errors.ts). */
const messages: Record<string, string> = {
  CONFLICT: 'Ces données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page puis recommencez.',
  INVALID_TRANSITION: 'Cette action n’est pas possible dans l’état actuel.',
  FORBIDDEN: 'Votre rôle ne permet pas cette action.',
  UNAUTHENTICATED: 'Votre session a expiré : reconnectez-vous.',
  NOT_FOUND: 'Introuvable, ou hors de votre périmètre.',
  CONTRACTOR_NOT_ELIGIBLE: 'Ce contractant ne peut pas recevoir ce travail.',
  TOO_MANY_ATTEMPTS: 'Trop de tentatives : patientez quelques minutes.',
  AMOUNT_EXCEEDS_BALANCE: 'Le montant dépasse le reste dû de la facture.',
  QUALITY_OVERRIDE_REQUIRED: 'Les mesures sont hors seuils : la réception demande une justification.',
};

/** One problem of a refused change: the input field it concerns (null when none) and what to say. */
export interface FieldProblem {
  readonly field: string | null;
  readonly message: string;
}

/**
 * The problems of a failed mutation, in words a user understands: a BAD_USER_INPUT names its field
 * (and each field when there are several); other codes get a sentence of their own; an unexpected
 * error gives its reference to quote.
 */
export function problemsOf(error: CombinedError): FieldProblem[] {
  if (error.networkError && error.graphQLErrors.length === 0) return [{ field: null, message: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.' }];
  return error.graphQLErrors.flatMap((graphQLError) => {
    const extensions = graphQLError.extensions ?? {};
    const code = String(extensions['code'] ?? '');
    if (code === 'BAD_USER_INPUT') {
      const problems = extensions['problems'] as { field: string; reason: string }[] | undefined;
      if (problems) return problems.map((problem) => ({ field: problem.field, message: problem.reason }));
      const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
      const message = field && graphQLError.message.startsWith(`${field}: `) ? graphQLError.message.slice(field.length + 2) : graphQLError.message;
      return [{ field, message }];
    }
    if (code === 'INTERNAL_SERVER_ERROR') {
      return [{ field: null, message: `Le serveur n’a pas pu traiter la demande. Référence à communiquer : ${String(extensions['correlationId'] ?? '')}` }];
    }
    const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
    // A CONFLICT on a field other than the version is a unique value (a NIF, a code) already taken.
    if (code === 'CONFLICT' && field && field !== 'expectedVersion') return [{ field, message: 'Cette valeur est déjà utilisée par un autre enregistrement.' }];
    return [{ field, message: messages[code] ?? graphQLError.message }];
  });
}
