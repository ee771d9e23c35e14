import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EvidenceStore } from '../../core/learning/ports';
import { DependencyUnavailableError } from '../../core/shared/errors';

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
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadUrl(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; expiresAt: string }> {
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({
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
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
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
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
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
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: sealedKey,
          CopySource: encodeURI(`${this.bucket}/${uploadKey}`),
        }),
      );
      const { Body } = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: sealedKey }),
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
