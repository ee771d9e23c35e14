import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import type { VerificationResult } from '../../functions/core/verification/model';
import { AdjustableClock } from '../support/clock';
import { ExternalIssuer } from '../support/external-issuer';
import { startTestServices, type TestServices } from '../support/services';

type Json = Record<string, unknown>;

const check = (result: VerificationResult, name: string) =>
  result.checks.find((candidate) => candidate.name === name)?.status;
const message = (result: VerificationResult, name: string) =>
  result.checks.find((candidate) => candidate.name === name)?.message;

describe('verification of credentials issued here and elsewhere', () => {
  const clock = new AdjustableClock();
  let t: TestServices;
  let designId: string;
  let admin: UserPrincipal;

  const verify = (input: Json, email?: string) => t.services.verification.verify(input, email);
  const issue = async (email: string) => {
    const record = await t.services.issuance.issue(admin, {
      microCredentialId: designId,
      recipient: { email, name: 'Grace Hopper' },
    });
    return { id: record.id, json: record.credential, jwt: record.jwt };
  };

  beforeAll(async () => {
    t = await startTestServices({ clock });
    const published = await t.publishedDesign({ validityMonths: 12 });
    designId = published.designId;
    admin = published.qa.admin;
  });
  afterAll(() => t.stop());

  it('checks the recipient against the salted hash when an email is given', async () => {
    const credential = await issue('Recipient@Example.org');

    const right = await verify({ id: credential.id }, 'recipient@example.org');
    const wrong = await verify({ id: credential.id }, 'someone.else@example.org');

    expect(check(right, 'recipient')).toBe('PASS');
    expect(right.verified).toBe(true);
    expect(check(wrong, 'recipient')).toBe('FAIL');
    expect(wrong.verified).toBe(false);
  });

  it('reports a status change by id at once, from the record, before the worker republishes the list', async () => {
    const credential = await issue('status-by-id@example.org');
    const before = await verify({ id: credential.id });

    // No drain: the published status lists may still say nothing changed.
    await t.services.issuance.suspend(admin, credential.id);
    const suspended = await verify({ id: credential.id });
    await t.services.issuance.reinstate(admin, credential.id);
    const reinstated = await verify({ id: credential.id });
    await t.services.issuance.revoke(admin, credential.id);
    const revoked = await verify({ id: credential.id });

    expect(before).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(message(before, 'status')).toBe('Not revoked or suspended (revocation: clear).');
    expect(suspended).toMatchObject({ verified: false, status: 'SUSPENDED' });
    expect(message(suspended, 'status')).toBe('The issuer has suspended this credential.');
    expect(reinstated).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(revoked).toMatchObject({ verified: false, status: 'REVOKED' });
    expect(message(revoked, 'status')).toBe('The issuer has revoked this credential.');
    // Every other check is still made, with what it found.
    expect(revoked.checks.map((item) => [item.name, item.status])).toEqual([
      ['well-formed', 'PASS'],
      ['issuer-key', 'PASS'],
      ['proof', 'PASS'],
      ['status', 'FAIL'],
      ['validity-window', 'PASS'],
      ['achievement-approval', 'PASS'],
      ['endorsements', 'PASS'],
      ['recipient', 'SKIP'],
    ]);
  });

  it('fails by id at once when the issuer revokes the signing key, although keys are cached', async () => {
    const other = await t.publishedDesign();
    const { id } = await t.services.issuance.issue(other.qa.admin, {
      microCredentialId: other.designId,
      recipient: { email: 'key@example.org' },
    });
    const before = await verify({ id });

    await t.services.keys.revoke(
      other.qa.admin,
      { ownerKind: 'institution', ownerId: other.institutionId },
      'g1-ed25519',
      'Key compromised',
    );
    const after = await verify({ id });

    expect(check(before, 'issuer-key')).toBe('PASS');
    expect(after).toMatchObject({ verified: false });
    expect(check(after, 'issuer-key')).toBe('FAIL');
    expect(message(after, 'issuer-key')).toMatch(/^The issuer revoked this key/);
  });

  it('fails the proof of a tampered credential and says so', async () => {
    const credential = await issue('tampered@example.org');

    const result = await verify({ credential: { ...credential.json, name: 'Senior Leadership' } });

    expect(result).toMatchObject({ verified: false, status: 'UNKNOWN' });
    expect(check(result, 'proof')).toBe('FAIL');
    expect(check(result, 'issuer-key')).toBe('PASS');
  });

  it('refuses as not well-formed a signed Open Badge that lacks what OB 3.0 requires', async () => {
    const didKeyIssuer = await ExternalIssuer.withDidKey();
    const complete = didKeyIssuer.openBadge();
    const subject = complete.credentialSubject as { achievement: Json };
    const { criteria: _criteria, ...withoutCriteria } = subject.achievement;
    const lacking = await didKeyIssuer.sign({
      ...complete,
      credentialSubject: { ...subject, achievement: withoutCriteria },
    });

    const result = await verify({ credential: lacking });

    expect(result.verified).toBe(false);
    expect(result.checks).toContainEqual(
      expect.objectContaining({ name: 'well-formed', status: 'FAIL' }),
    );
    expect(result.checks).toContainEqual(
      expect.objectContaining({ name: 'proof', status: 'PASS' }),
    );
  });
});
