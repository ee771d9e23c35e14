import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { IdGenerator } from '../shared/runtime';
import { allowedFileTypes, type Enrolment, type EvidenceFile } from './model';
import type { EvidenceStore, LearningRepository } from './ports';

export interface EvidenceFilesDeps {
  readonly learning: LearningRepository;
  readonly store: EvidenceStore;
  readonly ids: IdGenerator;
}

/**
 * Evidence files after upload: each is checked and sealed (copied under a key no upload URL
 * can write) before anyone relies on it, and only the sealed copy is ever served.
 */
export class EvidenceFiles {
  constructor(private readonly deps: EvidenceFilesDeps) {}

  /**
   * Checks an uploaded file against what was announced, seals it (a copy under a key no upload
   * URL can write) and records the SHA-256 of that copy. Overwriting the upload afterwards,
   * while its URL still works, changes neither the digest nor what assessors download.
   */
  async confirm(enrolment: Enrolment, fileId: string): Promise<EvidenceFile> {
    const file = await this.deps.learning.getFile(fileId);
    if (!file || file.enrolmentId !== enrolment.id) throw new NotFoundError('EvidenceFile', fileId);
    if (file.status === 'UPLOADED') return file;
    const notUploaded = () =>
      new ValidationError(
        `The file ${file.name} has not been uploaded.`,
        [{ path: 'input.fileIds', message: `${fileId} is not uploaded` }],
        'FILE_NOT_UPLOADED',
      );
    const wrongSize = () =>
      new ValidationError(
        `The file ${file.name} is not the size announced.`,
        [{ path: 'input.fileIds', message: `${fileId} has the wrong size` }],
        'FILE_SIZE_MISMATCH',
      );
    const size = await this.deps.store.sizeOf(file.storageKey);
    if (size === null) throw notUploaded();
    if (size !== file.size) throw wrongSize();
    // A fresh key per attempt: two confirmations racing each seal their own copy, and the
    // versioned write below lets exactly one record (key and digest together) win.
    const sealedKey = this.sealedKeyOf(file);
    const sealed = await this.deps.store.seal(file.storageKey, sealedKey);
    if (!sealed) throw notUploaded();
    if (sealed.size !== file.size) throw wrongSize();
    const next: EvidenceFile = {
      ...file,
      status: 'UPLOADED',
      sealedKey,
      sha256: sealed.sha256,
      version: file.version + 1,
    };
    await this.deps.learning.updateFile(next, file.version);
    return next;
  }

  /** A short-lived download URL of the file's sealed copy (sealing a legacy file first). */
  async downloadUrl(file: EvidenceFile): Promise<string> {
    if (file.status !== 'UPLOADED')
      throw new ConflictError('FILE_NOT_UPLOADED', 'The file has not been uploaded.');
    const sealed = file.sealedKey ? file : await this.sealLegacyFile(file);
    return this.deps.store.downloadUrl(sealed.sealedKey!, file.name, file.contentType);
  }

  /**
   * Files confirmed before sealing existed point at their upload key. They are sealed on first
   * download, and only if the bytes still match the recorded digest.
   */
  private async sealLegacyFile(file: EvidenceFile): Promise<EvidenceFile> {
    const sealedKey = this.sealedKeyOf(file);
    const sealed = await this.deps.store.seal(file.storageKey, sealedKey);
    if (!sealed || sealed.sha256 !== file.sha256) {
      throw new ConflictError(
        'EVIDENCE_FILE_CHANGED',
        'The stored file no longer matches the digest recorded when it was submitted.',
      );
    }
    const next: EvidenceFile = { ...file, sealedKey, version: file.version + 1 };
    try {
      await this.deps.learning.updateFile(next, file.version);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Sealed at the same time by another download: serve the copy that was recorded.
      const current = await this.deps.learning.getFile(file.id);
      if (!current?.sealedKey) throw error;
      return current;
    }
  }

  private sealedKeyOf(file: EvidenceFile): string {
    return `sealed/${file.institutionId}/${file.enrolmentId}/${file.id}/${this.deps.ids.newId()}.${allowedFileTypes[file.contentType]}`;
  }
}
