/**
 * An AWS SDK client, or how to make one on first use. A Lambda that seldom needs a service
 * (the API signs only when it issues, and touches S3 only for evidence files) then loads that
 * service's SDK package on the first call that needs it, not at every cold start.
 */
export type ClientSource<T extends object> = T | (() => Promise<T>);

/** `load()` at most once at a time and once in all; a failure is forgotten, to be tried again. */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

/** The client of `source`, made (once) when first asked for. */
export function clientOf<T extends object>(source: ClientSource<T>): () => Promise<T> {
  if (typeof source === 'function') return lazily(source);
  const client = Promise.resolve(source);
  return () => client;
}
