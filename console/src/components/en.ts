/** English of the shared components' French texts. */
export default {
  'par le système': 'by the system',
  'par {{name}} ({{organisation}})': 'by {{name}} ({{organisation}})',
} satisfies Record<string, string>;
