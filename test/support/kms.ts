import { KMSClient } from '@aws-sdk/client-kms';
import { localCredentials, localRegion } from '../../infra/local/dynamodb';

/** The real KMS client pointed at a local KMS-compatible endpoint. */
export function localKmsClient(endpoint: string): KMSClient {
  return new KMSClient({
    endpoint,
    region: localRegion,
    credentials: localCredentials,
    maxAttempts: 1,
  });
}
