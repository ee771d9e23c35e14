import { KMSClient } from '@aws-sdk/client-kms';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb';

export interface LocalKmsClientOptions {
  /** Endpoint to talk to; the run's shared endpoint unless a test starts its own. */
  readonly endpoint?: string;
  /**
   * Attempts per call, as the SDK counts them. Tests of error mapping pass 1 so that an injected
   * throttle surfaces instead of being retried away by the SDK's standard retry strategy.
   */
  readonly maxAttempts?: number;
}

/** A real KMS client pointed at the local KMS-compatible endpoint. */
export function localKmsClient(options: LocalKmsClientOptions = {}): KMSClient {
  return new KMSClient({
    endpoint: options.endpoint ?? inject('kmsEndpoint'),
    region: localRegion,
    credentials: localCredentials,
    ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
  });
}
