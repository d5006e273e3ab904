/**
 * The values `transform` makes of `source`'s, in order, leaving out those it makes null: a map and a
 * filter in one iterator. A subscription's events pass through this on every subscriber: an operator
 * per step (a Repeater each) would cost each of them more promises and turns of the event loop on
 * every event. Returning it returns `source` at once, even while it waits for its next value.
 */
export function mapStream<T, U>(
  source: AsyncIterable<T>,
  transform: (value: T) => U | null | Promise<U | null>,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return { done: true, value: undefined };
        const value = await transform(next.value);
        if (value !== null) return { done: false, value };
      }
    },
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
}
