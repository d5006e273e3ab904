import { invalidTransition } from './errors.js';

/**
 * One named transition: the statuses it may start from, and the status it leads to — or
 * `'PREVIOUS'`, the status the record had before (to resume after a suspension).
 */
export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S | 'PREVIOUS';
}

/**
 * A lifecycle: named transitions between statuses, checked in one place. `next(action, current)`
 * gives the status after `action`, or throws `INVALID_TRANSITION` naming the current status and
 * the statuses the action is allowed from.
 */
export class Lifecycle<S extends string, A extends string> {
  constructor(
    readonly what: string,
    readonly transitions: Readonly<Record<A, TransitionRule<S>>>,
  ) {}

  /**
   * The status after `action` from `current` (`previous`: the status to go back to, for a rule whose
   * `to` is `'PREVIOUS'`). @throws DomainError INVALID_TRANSITION
   */
  next(action: A, current: S, previous?: S | null): S {
    const rule = this.transitions[action];
    if (!rule.from.includes(current))
      throw invalidTransition(this.what, action.toLowerCase().replaceAll('_', ' '), current, rule.from);
    if (rule.to !== 'PREVIOUS') return rule.to;
    if (!previous) throw new Error(`${this.what}: no previous status to return to from ${current}`);
    return previous;
  }

  /** Whether `action` is allowed from `current`. */
  allows(action: A, current: S): boolean {
    return this.transitions[action].from.includes(current);
  }
}
