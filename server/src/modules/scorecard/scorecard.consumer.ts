import type { LogConsumer } from '../../common/change-log.js';
import { announce } from '../../common/events.js';
import type { QualityThreshold } from '../customer-subscription/installation-quality.js';
import { withAnnouncedEvents } from '../notification/notification.events.js';
import { readServiceLevelRules } from '../service-level/service-level.service.js';
import { ScorecardRecordType } from './scorecard.entity.js';
import './scorecard.events.js';
import { recordScorecards } from './scorecard.recorder.js';

/**
 * The change log's reader that keeps the scorecards: each batch of changes to work and invoices is
 * counted (`recordScorecards`) in the transaction that moves its cursor, so each change counts once;
 * then SCORECARD_CHANGED tells the firms and wilayas whose figures moved. `thresholds` measure the
 * quality margin of accepted work.
 */
export function scorecardConsumer(thresholds: Readonly<Record<string, QualityThreshold>>): LogConsumer {
  return (em, events) =>
    withAnnouncedEvents(em, async () => {
      const work: string[] = [];
      const invoices: string[] = [];
      for (const event of events) {
        if (event.topic === 'CUSTOMER_SUBSCRIPTION_CHANGED') work.push(event.payload.customerSubscriptionId);
        else if (event.topic === 'INVOICE_CHANGED') invoices.push(event.payload.invoiceId);
      }
      if (work.length === 0 && invoices.length === 0) return;
      const rules = await readServiceLevelRules(em);
      const counted = [
        await recordScorecards(em, rules, thresholds, ScorecardRecordType.CUSTOMER_SUBSCRIPTION, work),
        await recordScorecards(em, rules, thresholds, ScorecardRecordType.INVOICE, invoices),
      ];
      const contractorIds = [...new Set(counted.flatMap((scopes) => [...scopes.contractorIds]))];
      const wilayaCodes = [...new Set(counted.flatMap((scopes) => [...scopes.wilayaCodes]))];
      if (contractorIds.length > 0 || wilayaCodes.length > 0) {
        announce(em, 'SCORECARD_CHANGED', () => ({ contractorIds, wilayaCodes }));
      }
    });
}
