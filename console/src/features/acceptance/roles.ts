/** Roles that may accept or reject installations (the API's acceptInstallation and rejectInstallation): the acceptance queue is theirs. */
export const acceptanceRoles: readonly string[] = ['ADMIN', 'DOT_MANAGER'];
