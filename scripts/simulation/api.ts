import PQueue from 'p-queue';

/** An error the server answered, with its stable `extensions.code` (e.g. CONFLICT, BAD_USER_INPUT). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The server could not be reached or did not answer GraphQL: `code` is `NETWORK` (refused, reset,
 * timed out) or `HTTP_<status>` for an answer that is not a GraphQL response.
 */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** What the simulation did, by action; each counted once the server said yes. */
export const actionNames = [
  'ordered',
  'assigned',
  'cancelled',
  'scheduled',
  'failed',
  'reported',
  'reportedOutsideThresholds',
  'accepted',
  'acceptedWithOverride',
  'rejected',
  'submitted',
  'approved',
  'revisionRequested',
  'resubmitted',
  'paidInPart',
  'paidInFull',
] as const;

/** One of `actionNames`. */
export type Action = (typeof actionNames)[number];

/** Counts of actions done and of errors by code, as they happen. */
export class Tally {
  readonly actions = Object.fromEntries(actionNames.map((name) => [name, 0])) as Record<Action, number>;
  readonly errors: Record<string, number> = {};

  /** One more `action` done. */
  count(action: Action): void {
    this.actions[action] += 1;
  }

  /** One more error answered with `code`. */
  error(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  /** A copy of the counts as they stand. */
  snapshot(): { actions: Record<Action, number>; errors: Record<string, number> } {
    return { actions: { ...this.actions }, errors: { ...this.errors } };
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * A client of Raccord's public GraphQL endpoint (`POST <url>/graphql`), as any third-party
 * application uses it: every request goes through one queue that bounds how many are in flight, and
 * every error is counted in `tally` by code.
 */
export class GraphQLClient {
  private readonly requests: PQueue;

  /**
   * @param url the server's base URL, e.g. `http://127.0.0.1:4000`
   * @param concurrency most requests in flight at once
   * @param timeoutMs how long one request may take before it counts as a `NETWORK` error
   */
  constructor(
    readonly url: string,
    readonly tally: Tally,
    concurrency: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.requests = new PQueue({ concurrency });
  }

  /** Resolves once no request is waiting or in flight. */
  idle(): Promise<void> {
    return this.requests.onIdle();
  }

  /**
   * Runs one operation with `token` (a session token or API key; null: anonymous) and returns its
   * data. With `retry`, a request that never got an answer (the network failed) is sent once more
   * as it was — for mutations whose input carries an idempotency key, which the server applies once.
   * Error codes listed in `quiet` are expected answers, not counted. A request of higher `priority`
   * (default 0) takes the next free slot before those waiting with a lower one.
   * @throws ApiError for any GraphQL error (the first one's code), TransportError when the server cannot be reached
   */
  async request<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
    options: { retry?: boolean; quiet?: readonly string[]; priority?: number } = {},
  ): Promise<T> {
    const body = JSON.stringify({ query, variables });
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.requests.add(() => this.post<T>(body, token), { priority: options.priority ?? 0 });
      } catch (error) {
        if ((error instanceof ApiError || error instanceof TransportError) && !options.quiet?.includes(error.code))
          this.tally.error(error.code);
        if (error instanceof TransportError && error.code === 'NETWORK' && options.retry && attempt === 0) continue;
        throw error;
      }
    }
  }

  private async post<T>(body: string, token: string | null): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new TransportError('NETWORK', `cannot reach ${this.url} (${cause})`);
    }
    let answer: GraphQLResponse<T>;
    try {
      answer = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new TransportError(
        `HTTP_${response.status}`,
        `${this.url}/graphql answered HTTP ${response.status} without GraphQL: is it a Raccord server?`,
      );
    }
    const first = answer.errors?.[0];
    if (first)
      throw new ApiError(String(first.extensions?.['code'] ?? 'UNKNOWN'), first.message, first.extensions ?? {});
    if (!answer.data)
      throw new TransportError(
        `HTTP_${response.status}`,
        `${this.url}/graphql answered HTTP ${response.status} without data`,
      );
    return answer.data;
  }
}
