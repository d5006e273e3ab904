import { Lifecycle } from '../../common/lifecycle.js';
import { ContractorStatus } from './contractor.entity.js';

/**
 * The changes of a contractor's status (docs/domain.md, "Lifecycles"): PENDING_APPROVAL → ACTIVE ⇄ SUSPENDED →
 * TERMINATED.
 * TERMINATE also closes an application still PENDING_APPROVAL (refused, or withdrawn): without it a
 * refused firm would have to be approved first in order to be terminated.
 */
export type ContractorAction = 'APPROVE' | 'SUSPEND' | 'REACTIVATE' | 'TERMINATE';

export const contractorLifecycle = new Lifecycle<ContractorStatus, ContractorAction>('contractor', {
  APPROVE: { from: [ContractorStatus.PENDING_APPROVAL], to: ContractorStatus.ACTIVE },
  SUSPEND: { from: [ContractorStatus.ACTIVE], to: ContractorStatus.SUSPENDED },
  REACTIVATE: { from: [ContractorStatus.SUSPENDED], to: ContractorStatus.ACTIVE },
  TERMINATE: { from: [ContractorStatus.PENDING_APPROVAL, ContractorStatus.SUSPENDED], to: ContractorStatus.TERMINATED },
});
