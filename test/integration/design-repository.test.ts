import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbMicroCredentialRepository } from '../../functions/adapters/dynamodb/micro-credential-repository';
import { createDocumentClient, DynamoTable } from '../../functions/adapters/dynamodb/table';
import {
  createMicroCredentialInput,
  type MicroCredential,
} from '../../functions/core/designs/model';
import { ConflictError } from '../../functions/core/shared/errors';
import { designInput } from '../support/builders';
import { createTestTable } from '../support/table';

function aDesign(overrides: Partial<MicroCredential> = {}): MicroCredential {
  const { institutionId, ...content } = createMicroCredentialInput.parse(designInput('inst-1'));
  return {
    id: `d-${Math.random().toString(36).slice(2)}`,
    institutionId,
    content,
    designVersion: 1,
    status: 'DRAFT',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    createdBy: 'tester',
    version: 1,
    ...overrides,
  };
}

describe('DynamoDbMicroCredentialRepository on DynamoDB Local', () => {
  let table: DynamoTable;
  let repository: DynamoDbMicroCredentialRepository;

  beforeAll(async () => {
    const { client, tableName } = await createTestTable('designs');
    table = new DynamoTable(createDocumentClient(client), tableName);
    repository = new DynamoDbMicroCredentialRepository(table);
  });

  it('reads back exactly what it stored when a design is created', async () => {
    const design = aDesign();

    await repository.create(design);

    expect(await repository.get(design.id)).toEqual(design);
  });

  it('refuses a second create with the same id', async () => {
    const design = aDesign();
    await repository.create(design);

    await expect(repository.create(design)).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes only when the stored version matches the expected one', async () => {
    const design = aDesign();
    await repository.create(design);
    await repository.update({ ...design, version: 2, status: 'IN_REVIEW' }, 1);

    const stale = repository.update(
      { ...design, version: 2, content: { ...design.content, name: 'Stale' } },
      1,
    );

    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await repository.get(design.id)).toMatchObject({
      version: 2,
      status: 'IN_REVIEW',
      content: { name: design.content.name },
    });
  });

  it('lists by status through the status index when the status changes', async () => {
    const design = aDesign({ institutionId: 'inst-status' });
    await repository.create(design);
    await repository.update({ ...design, status: 'IN_REVIEW', version: 2 }, 1);

    const drafts = await repository.listByInstitution('inst-status', { limit: 10 }, 'DRAFT');
    const inReview = await repository.listByInstitution('inst-status', { limit: 10 }, 'IN_REVIEW');

    expect(drafts.items).toHaveLength(0);
    expect(inReview.items.map((item) => item.id)).toEqual([design.id]);
  });

  it('fails loudly instead of returning a malformed item when storage holds one', async () => {
    await table.documents.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          pk: 'MICROCREDENTIAL#broken',
          sk: 'DESIGN',
          entity: 'MicroCredential',
          version: 1,
          status: 'NOPE',
        },
      }),
    );

    await expect(repository.get('broken')).rejects.toThrow(/does not match its schema/);
  });
});
