import * as z from 'zod';
import type { StoredTranscript, TranscriptRepository } from '../../core/stacking/ports';
import { primaryKey, storedKeys } from './entity';
import { latestTranscriptEntity, transcriptEntity } from './keys';
import type { DynamoTable } from './table';

/** The signed part of a transcript is stored as JSON text, given back exactly as signed. */
const transcriptSchema = z.object({
  id: z.string(),
  learnerEmailHash: z.string(),
  digest: z.string(),
  credentialIds: z.array(z.string()),
  document: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
  issuedAt: z.iso.datetime(),
});
const latestSchema = z.object({ transcriptId: z.string() });

/**
 * Transcripts by id (the id in their URL), and a pointer to each learner's latest, written in one
 * transaction. A transcript item never changes; the pointer is overwritten by the next one.
 */
const transcriptKey = (id: string) => primaryKey(transcriptEntity.primary, { id });

export class DynamoDbTranscriptRepository implements TranscriptRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(transcript: StoredTranscript): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: {
              ...storedKeys(transcriptEntity, transcript),
              version: 1,
              ...transcript,
              credentialIds: [...transcript.credentialIds],
              document: JSON.stringify(transcript.document),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName,
            Item: {
              ...storedKeys(latestTranscriptEntity, transcript),
              version: 1,
              transcriptId: transcript.id,
            },
          },
        },
      ],
      'TRANSCRIPT_EXISTS',
      `Transcript ${transcript.id}`,
    );
  }

  async get(id: string): Promise<StoredTranscript | null> {
    return this.table.get(transcriptKey(id), transcriptSchema);
  }

  async latest(learnerEmailHash: string): Promise<StoredTranscript | null> {
    const pointer = await this.table.get(
      primaryKey(latestTranscriptEntity.primary, { learnerEmailHash }),
      latestSchema,
      true,
    );
    return pointer
      ? this.table.get(transcriptKey(pointer.transcriptId), transcriptSchema, true)
      : null;
  }
}
