import { Lifecycle } from '../../common/lifecycle.js';
import { ContractorStatus } from './contractor.entity.js';

/** The changes of a contractor's status (DOMAIN.md): PENDING_APPROVAL → ACTIVE ⇄ SUSPENDED → TERMINATED. */
export type ContractorAction = 'APPROVE' | 'SUSPEND' | 'REACTIVATE' | 'TERMINATE';

export const contractorLifecycle = new Lifecycle<ContractorStatus, ContractorAction>('contractor', {
  APPROVE: { from: [ContractorStatus.PENDING_APPROVAL], to: ContractorStatus.ACTIVE },
  SUSPEND: { from: [ContractorStatus.ACTIVE], to: ContractorStatus.SUSPENDED },
  REACTIVATE: { from: [ContractorStatus.SUSPENDED], to: ContractorStatus.ACTIVE },
  TERMINATE: { from: [ContractorStatus.SUSPENDED], to: ContractorStatus.TERMINATED },
});
