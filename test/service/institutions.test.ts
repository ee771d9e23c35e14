import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../support/services';

describe('institutions', () => {
  let t: TestServices;
  let institutionId: string;

  beforeAll(async () => {
    t = await startTestServices();
    institutionId = await t.createInstitution();
  });
  afterAll(() => t.stop());

  it('updates an institution with its version and refuses an issuer admin of another institution', async () => {
    const institution = await t.createInstitution({ name: 'Renamed College' });
    const ownAdmin = t.as('issuer-admin', { institutionId: institution });
    const foreignAdmin = t.as('issuer-admin', { institutionId });

    const foreign = await t.services.institutions
      .update(foreignAdmin, institution, 1, { name: 'Hijacked' })
      .then(
        () => undefined,
        (error: unknown) => error as { category?: string },
      );
    const own = await t.services.institutions.update(ownAdmin, institution, 1, {
      name: 'Renamed Polytechnic',
      settings: { requiredEndorsements: 2 },
    });

    expect(foreign?.category).toBe('FORBIDDEN');
    expect({
      name: own.name,
      version: own.version,
      settings: { requiredEndorsements: own.settings.requiredEndorsements },
    }).toEqual({
      name: 'Renamed Polytechnic',
      version: 2,
      settings: { requiredEndorsements: 2 },
    });
  });
});
