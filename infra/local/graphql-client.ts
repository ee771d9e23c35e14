/** A GraphQL error as the API returns it. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: {
    readonly code?: string;
    readonly errorCode?: string;
    readonly [key: string]: unknown;
  };
}

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly GraphQLErrorBody[];
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLErrorBody[],
  ) {
    super(
      errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '),
    );
  }
}

export interface Caller {
  /** A bearer token, or a partner API key (sent as `x-api-key`). */
  readonly token?: string;
  readonly apiKey?: string;
}

/**
 * A small client that posts GraphQL over HTTP exactly as a portal would (used by the demo,
 * the end-to-end tests and the benchmarks).
 */
export class GraphQLClient {
  constructor(readonly endpoint: string) {}

  /** Posts an operation and returns the raw response (data and errors). */
  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        ...(caller.apiKey ? { 'x-api-key': caller.apiKey } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Posts an operation and returns its data; any error throws GraphQLRequestError. */
  async call<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables, caller);
    if (result.errors?.length || !result.data) {
      throw new GraphQLRequestError(result.status, result.errors ?? [{ message: 'no data' }]);
    }
    return result.data;
  }
}
