import { defineConfig } from 'vitest/config';
import base from './vite.config.js';

/**
 * The tests of the pure domain rules only (no database, no app, no browser), for mutation testing
 * (`npm run test:mutation`, stryker.config.json): invoice arithmetic, the quality gate and field
 * checks, lifecycles, identifiers, Algiers time, and the permission and scope tables.
 */
export const pureRuleTests = [
  'server/src/modules/invoice/invoice-arithmetic.test.ts',
  'server/src/modules/customer-subscription/installation-quality.test.ts',
  'server/src/modules/customer-subscription/field-checks.test.ts',
  'server/src/modules/customer-subscription/customer-subscription.lifecycle.test.ts',
  'server/src/common/lifecycles.test.ts',
  'shared/identifiers.test.ts',
  'server/src/common/time.test.ts',
  'server/src/modules/auth/policy-tables.test.ts',
];

export default defineConfig({
  ...base,
  test: { ...base.test, include: pureRuleTests, globalSetup: [], reporters: ['default'] },
});
