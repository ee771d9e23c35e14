/**
 * Every entity stored in the single table, each by its descriptor (see `entity.ts`): its name,
 * its primary key and its index keys. Repositories build keys and pick indexes only through
 * these, so no repository spells a key by hand, and `test/unit/dynamodb-keys.test.ts` checks
 * every descriptor against the key strings already stored.
 */
import * as designs from './entities/designs';
import * as issuance from './entities/issuance';
import * as learners from './entities/learners';
import * as notifications from './entities/notifications';
import * as partners from './entities/partners';
import * as people from './entities/people';
import type { EntityDescriptor } from './entity';

export * from './entities/designs';
export * from './entities/issuance';
export * from './entities/learners';
export * from './entities/notifications';
export * from './entities/partners';
export * from './entities/people';

/** All descriptors, for checks that must cover every entity. */
export const storedEntities: readonly EntityDescriptor[] = [
  ...Object.values(designs),
  ...Object.values(issuance),
  ...Object.values(learners),
  ...Object.values(partners),
  ...Object.values(people),
  ...Object.values(notifications),
];
