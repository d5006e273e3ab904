/** Roles that see dashboards (the API refuses the others). */
export const dashboardRoles: readonly string[] = ['ADMIN', 'DOT_MANAGER', 'FINANCE', 'VIEWER'];

/** Roles that see nothing about money — no invoices, prices or dashboard — nor the contractors' pages: a firm's technicians. */
export const fieldRoles: readonly string[] = ['TECHNICIAN'];
