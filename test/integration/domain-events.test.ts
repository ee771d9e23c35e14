import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbInstitutionRepository } from '../../functions/adapters/dynamodb/institution-repository';
import { DynamoDbKeyRepository } from '../../functions/adapters/dynamodb/key-repository';
import { DynamoDbQaRepository } from '../../functions/adapters/dynamodb/qa-repository';
import { createDocumentClient, DynamoTable } from '../../functions/adapters/dynamodb/table';
import { systemClock, uuidGenerator } from '../../functions/adapters/system';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import { InstitutionCreated } from '../../functions/core/institutions/events';
import { EventService } from '../../functions/core/institutions/event-service';
import { InstitutionService } from '../../functions/core/institutions/institution-service';
import { KeyRotationRequested } from '../../functions/core/keys/events';
import { KeyService } from '../../functions/core/keys/key-service';
import type { EventOf } from '../../functions/core/shared/domain-events';
import { EventDispatcher } from '../../functions/core/worker/event-dispatcher';
import { institutionInput } from '../support/builders';
import { createTestTable } from '../support/table';

const admin: UserPrincipal = {
  kind: 'user',
  userId: 'admin-1',
  roles: ['platform-admin'],
  qaRoles: [],
};

describe('domain events from producer to consumer on DynamoDB Local', () => {
  let institutions: InstitutionService;
  let events: EventService;

  beforeAll(async () => {
    const { client, tableName } = await createTestTable('events');
    const table = new DynamoTable(createDocumentClient(client), tableName);
    const deps = { clock: systemClock, ids: uuidGenerator };
    const keys = new KeyService({ keys: new DynamoDbKeyRepository(table), ...deps });
    institutions = new InstitutionService({
      institutions: new DynamoDbInstitutionRepository(table),
      ...deps,
      // As the composition root wires it: a new institution asks for its signing keys.
      creationEvents: (institution, actor) => [
        keys.provisioningEvent({ ownerKind: 'institution', ownerId: institution.id }, actor),
      ],
    });
    events = new EventService(new DynamoDbQaRepository(table));
  });

  it('reads the stored events of a new institution with their definitions', async () => {
    const institution = await institutions.create(admin, institutionInput());

    const { items: nodes } = await events.list(admin, institution.id);
    const created = nodes.find((event) => event.type === InstitutionCreated.name)!;
    const rotation = nodes.find((event) => event.type === KeyRotationRequested.name)!;

    expect(InstitutionCreated.parse(created).data).toEqual({ name: institution.name });
    expect(KeyRotationRequested.parse(rotation)).toMatchObject({
      aggregateType: 'SigningKey',
      actor: { kind: 'user', id: 'admin-1' },
      data: { ownerKind: 'institution', ownerId: institution.id, generation: 1 },
    });
  });

  it('hands a stored event to its reaction with the payload typed', async () => {
    const institution = await institutions.create(admin, institutionInput());
    const { items: nodes } = await events.list(admin, institution.id);
    const received: EventOf<typeof KeyRotationRequested>[] = [];
    const dispatcher = new EventDispatcher().on(KeyRotationRequested, (event) => {
      received.push(event);
      return Promise.resolve();
    });

    for (const event of nodes) {
      if (dispatcher.handles(event.type)) await dispatcher.dispatch(event, { deadline: 0 });
    }

    expect(received.map((event) => event.data)).toEqual([
      { ownerKind: 'institution', ownerId: institution.id, generation: 1 },
    ]);
  });

  it('refuses to hand over an event whose payload its definition does not accept', async () => {
    const institution = await institutions.create(admin, institutionInput());
    const { items: nodes } = await events.list(admin, institution.id);
    const rotation = nodes.find((event) => event.type === KeyRotationRequested.name)!;
    const dispatcher = new EventDispatcher().on(KeyRotationRequested, () => Promise.resolve());

    const dispatching = dispatcher.dispatch(
      { ...rotation, data: { ...rotation.data, generation: 'next' } },
      { deadline: 0 },
    );

    await expect(dispatching).rejects.toThrow();
  });
});
