/** Roles that see dashboards (the API refuses the others). */
export const dashboardRoles: readonly string[] = ['ADMIN', 'DOT_MANAGER', 'FINANCE', 'VIEWER'];
