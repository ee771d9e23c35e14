import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { EvidenceStore } from '../../core/learning/ports';
import { DependencyUnavailableError } from '../../core/shared/errors';
import { lazily, sdkSession, type ClientSource, type SdkSession } from '../aws-clients';

/** The S3 SDK and its presigner, loaded with the first call that needs them. */
const s3Sdk = lazily(() =>
  Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]).then(
    ([commands, presigner]) => ({ ...commands, getSignedUrl: presigner.getSignedUrl }),
  ),
);

/** Upload and download URLs live this long (seconds). */
const uploadTtl = 15 * 60;
const downloadTtl = 5 * 60;

/**
 * Evidence files in S3 (locally, an S3-compatible server behind the same client). Uploads go
 * straight from the browser with presigned PUTs whose content type and length are signed in;
 * downloads are presigned GETs that force `attachment`, so nothing is ever rendered inline.
 * Confirmed files are sealed: copied to a key of the platform's choosing that no upload URL
 * can write, and only that copy is hashed and served.
 */
export class S3EvidenceStore implements EvidenceStore {
  private readonly session: SdkSession<S3Client, Awaited<ReturnType<typeof s3Sdk>>>;

  constructor(
    s3: ClientSource<S3Client>,
    private readonly bucket: string,
  ) {
    this.session = sdkSession(s3, s3Sdk);
  }

  async uploadUrl(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; expiresAt: string }> {
    const { client: s3, sdk } = await this.session();
    const url = await sdk.getSignedUrl(
      s3,
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
      }),
      { expiresIn: uploadTtl, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    return { url, expiresAt: new Date(Date.now() + uploadTtl * 1000).toISOString() };
  }

  async downloadUrl(key: string, fileName: string, contentType: string): Promise<string> {
    const safeName = fileName.replace(/[^\w.\- ]/g, '_');
    const { client: s3, sdk } = await this.session();
    return sdk.getSignedUrl(
      s3,
      new sdk.GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: `attachment; filename="${safeName}"`,
        ResponseContentType: contentType,
      }),
      { expiresIn: downloadTtl },
    );
  }

  async sizeOf(key: string): Promise<number | null> {
    try {
      const { client: s3, sdk } = await this.session();
      const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable(error);
    }
  }

  /**
   * Copies the upload server-side, then streams the copy to hash it: the digest is the
   * platform's own, of the bytes it will serve, not the uploader's claim. The bucket is
   * versioned in AWS, but s3rver implements no versioning, so pinning a VersionId would work in
   * one place only; a copy under a key no presigned PUT names works in both.
   */
  async seal(
    uploadKey: string,
    sealedKey: string,
  ): Promise<{ size: number; sha256: string } | null> {
    try {
      const { client: s3, sdk } = await this.session();
      await s3.send(
        new sdk.CopyObjectCommand({
          Bucket: this.bucket,
          Key: sealedKey,
          CopySource: encodeURI(`${this.bucket}/${uploadKey}`),
        }),
      );
      const { Body } = await s3.send(
        new sdk.GetObjectCommand({ Bucket: this.bucket, Key: sealedKey }),
      );
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.length;
      }
      return { size, sha256: hash.digest('hex') };
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable(error);
    }
  }
}

function isMissing(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return (
    name === 'NotFound' ||
    name === 'NoSuchKey' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
}

function unavailable(error: unknown): DependencyUnavailableError {
  return new DependencyUnavailableError(
    'STORAGE_UNAVAILABLE',
    'File storage is unavailable; try again shortly.',
    { cause: error },
  );
}
