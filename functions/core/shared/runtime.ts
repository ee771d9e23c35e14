/** The current time; injected so tests and the domain agree on "now". */
export interface Clock {
  now(): Date;
}

/** Mints identifiers for new entities. */
export interface IdGenerator {
  newId(): string;
}

/** One page of a list and the opaque cursor of the next page, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | null;
}
