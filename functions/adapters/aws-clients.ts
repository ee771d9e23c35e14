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

/** A client and the SDK module its commands come from. */
export type SdkSession<C, S> = () => Promise<{ client: C; sdk: S }>;

/** The {@link SdkSession} of `source` and `sdk`: both made or loaded when first asked for. */
export function sdkSession<C extends object, S>(
  source: ClientSource<C>,
  sdk: () => Promise<S>,
): SdkSession<C, S> {
  const client = clientOf(source);
  return async () => {
    const [made, loaded] = await Promise.all([client(), sdk()]);
    return { client: made, sdk: loaded };
  };
}
