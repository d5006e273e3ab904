/** Arabic of the shared components' French texts. */
export default {
  'par le système': 'من طرف النظام',
  'par {{name}} ({{organisation}})': 'من طرف {{name}} ({{organisation}})',
} satisfies Record<string, string>;
