import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../functions/core/auth/principal';
import { designInput } from '../support/builders';
import { startTestServices, type TestServices } from '../support/services';

/** The rejection of `promise`, to assert its code and category as a transport would map them. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; category?: string; fields?: { path: string }[] };
  }
  throw new Error('expected the call to be refused');
}

describe('micro-credential designs', () => {
  let t: TestServices;
  let institutionId: string;

  beforeAll(async () => {
    t = await startTestServices();
    institutionId = await t.createInstitution();
  });
  afterAll(() => t.stop());

  it('creates a draft design with defaults when an issuer admin of the institution asks', async () => {
    const admin = t.as('issuer-admin', { institutionId });

    const design = await t.services.microCredentials.create(
      admin,
      designInput(institutionId, { achievementType: undefined, language: undefined }),
    );

    expect(design).toMatchObject({
      status: 'DRAFT',
      version: 1,
      designVersion: 1,
      institutionId,
      content: {
        name: 'Educational Leadership',
        achievementType: 'MicroCredential',
        language: 'en',
        workload: { hours: 40, ects: 1.5 },
      },
    });
    expect(await t.services.institutions.get(design.institutionId)).toMatchObject({
      id: institutionId,
      name: 'Northbridge Polytechnic',
    });
  });

  it('refuses with FORBIDDEN when the admin belongs to another institution or holds another role', async () => {
    const otherInstitution = await t.createInstitution({ name: 'Other College' });
    const otherAdmin = t.as('issuer-admin', { institutionId: otherInstitution });
    const learner = t.as('learner');

    const asOther = await refusal(
      t.services.microCredentials.create(otherAdmin, designInput(institutionId)),
    );
    const asLearner = await refusal(
      t.services.microCredentials.create(learner, designInput(institutionId)),
    );

    expect(asOther.category).toBe('FORBIDDEN');
    expect(asLearner.category).toBe('FORBIDDEN');
  });

  it('names every invalid field with BAD_USER_INPUT when the input breaks the rules', async () => {
    const admin = t.as('issuer-admin', { institutionId });

    const error = await refusal(
      t.services.microCredentials.create(
        admin,
        designInput(institutionId, {
          name: '   ',
          learningOutcomes: [],
          workload: {},
          image: { url: 'javascript:alert(1)' },
        }),
      ),
    );

    expect(error.category).toBe('BAD_USER_INPUT');
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = (error.fields ?? []).map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.name',
        'input.learningOutcomes',
        'input.workload',
        'input.image.url',
      ]),
    );
  });

  it('refuses a design too large to store as a whole, though each field is within its limit', async () => {
    const admin = t.as('issuer-admin', { institutionId });
    const long = (characters: number) => 'ü'.repeat(characters);
    const component = (title: string) => ({ title, criteria: long(20_000) });
    const designs = async () =>
      (await t.services.microCredentials.listByInstitution(admin, institutionId, { first: 100 }))
        .items.length;
    const before = await designs();

    const error = await refusal(
      t.services.microCredentials.create(
        admin,
        designInput(institutionId, {
          description: long(5_000),
          criteria: long(20_000),
          components: {
            educational: component('Learning'),
            demonstration: component('Showing'),
            reflective: component('Reflecting'),
          },
        }),
      ),
    );

    expect(error).toMatchObject({ category: 'BAD_USER_INPUT', code: 'DESIGN_TOO_LARGE' });
    expect(await designs()).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const admin = t.as('issuer-admin', { institutionId });
    const designs = t.services.microCredentials;
    const design = await designs.create(admin, designInput(institutionId));
    await designs.update(admin, design.id, 1, { name: 'First edit' });

    const stale = await refusal(designs.update(admin, design.id, 1, { name: 'Lost edit' }));

    expect(stale).toMatchObject({ category: 'CONFLICT', code: 'VERSION_CONFLICT' });
    const current = await designs.get(admin, design.id);
    expect({ name: current.content.name, version: current.version }).toMatchObject({
      name: 'First edit',
      version: 2,
    });
  });

  it('lets exactly one of two concurrent updates with the same expectedVersion win', async () => {
    const admin = t.as('issuer-admin', { institutionId });
    const designs = t.services.microCredentials;
    const design = await designs.create(admin, designInput(institutionId));

    const results = await Promise.allSettled(
      ['Edit A', 'Edit B', 'Edit C', 'Edit D'].map((name) =>
        designs.update(admin, design.id, 1, { name }),
      ),
    );

    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter(
      (result) =>
        result.status === 'rejected' &&
        (result.reason as { category?: string }).category === 'CONFLICT',
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
  });

  it('hides an unpublished design from the public with NOT_FOUND when it exists only as a draft', async () => {
    const admin = t.as('issuer-admin', { institutionId });
    const designs = t.services.microCredentials;
    const design = await designs.create(admin, designInput(institutionId));

    const hidden = await refusal(designs.get(anonymous, design.id));
    const unknown = await refusal(designs.get(admin, 'no-such-design'));

    expect(hidden).toMatchObject({ category: 'NOT_FOUND', code: 'MICRO_CREDENTIAL_NOT_FOUND' });
    expect(unknown.category).toBe('NOT_FOUND');
  });

  it("pages through an institution's designs with cursors when there are more than one page", async () => {
    const institution = await t.createInstitution({ name: 'Paging College' });
    const admin = t.as('issuer-admin', { institutionId: institution });
    for (let index = 0; index < 5; index += 1) {
      await t.services.microCredentials.create(
        admin,
        designInput(institution, { name: `Design ${index}` }),
      );
    }

    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const { items, nextCursor } = await t.services.microCredentials.listByInstitution(
        admin,
        institution,
        { first: 2, after },
      );
      names.push(...items.map((design) => design.content.name));
      after = nextCursor;
      if (nextCursor === null) break;
    }

    expect(names.sort()).toEqual(['Design 0', 'Design 1', 'Design 2', 'Design 3', 'Design 4']);
  });

  it('pages through the public catalogue of an institution without a token', async () => {
    const institution = await t.createInstitution({ name: 'Catalogue College' });
    for (const name of ['First', 'Second', 'Third'])
      await t.publishedDesign({ name: `Catalogue ${name}` }, institution);

    const pages: { names: string[]; hasNextPage: boolean }[] = [];
    let after: string | null = null;
    do {
      const { items, nextCursor } = await t.services.microCredentials.catalogue({
        institutionId: institution,
        first: 2,
        after,
      });
      pages.push({
        names: items.map((design) => design.content.name),
        hasNextPage: nextCursor !== null,
      });
      after = nextCursor;
    } while (after && pages.length < 5);

    expect(pages.map((page) => page.names.length)).toEqual([2, 1]);
    expect(pages.flatMap((page) => page.names).sort()).toEqual([
      'Catalogue First',
      'Catalogue Second',
      'Catalogue Third',
    ]);
    // Three designs each go through the whole QA flow and an endorsement first.
  }, 60_000);

  it('refuses a cursor from another list with BAD_USER_INPUT', async () => {
    const admin = t.as('issuer-admin', { institutionId });
    const forged = Buffer.from(
      JSON.stringify({ pk: 'INSTITUTION#x', sk: 'PROFILE', gsi1pk: 'INSTITUTIONS', gsi1sk: 'x' }),
    ).toString('base64url');

    const error = await refusal(
      t.services.microCredentials.listByInstitution(admin, institutionId, { after: forged }),
    );

    expect(error).toMatchObject({ category: 'BAD_USER_INPUT', code: 'INVALID_CURSOR' });
  });
});
