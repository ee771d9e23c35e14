import { describe, expect, it } from 'vitest';
import { imageIdOf, readCredential } from '../../functions/core/credential/document';

const achievement = {
  id: 'https://tessera.example/achievements/design-1/v2',
  type: ['Achievement'],
  name: 'Data literacy',
  image: { id: 'https://images.example/badge.png', type: 'Image' },
};

/** An OB 3.0 credential as the platform issues it, with `overrides` applied. */
function obCredential(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'https://tessera.example/credentials/c-1',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:web:tessera.example:issuers:inst-1', type: ['Profile'], name: 'Uni' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:key:z6Mk1', type: ['AchievementSubject'], achievement },
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://tessera.example/status-lists/inst-1/revocation/1',
    },
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: 'did:web:tessera.example:issuers:inst-1#key-1',
    },
    ...overrides,
  };
}

describe('reading a credential document', () => {
  it('reads every part of an OB 3.0 credential issued here', () => {
    const document = obCredential();

    const view = readCredential(document)!;

    expect(view.raw).toBe(document);
    expect(view.id).toBe('https://tessera.example/credentials/c-1');
    expect(view.types).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(view.issuer.id).toBe('did:web:tessera.example:issuers:inst-1');
    expect(view.issuer.name).toBe('Uni');
    expect(view.subjectId).toBe('did:key:z6Mk1');
    expect(view.achievement).toEqual(achievement);
    expect(imageIdOf(view.achievement)).toBe('https://images.example/badge.png');
    expect(view.validity).toMatchObject({
      validFrom: '2026-01-01T00:00:00Z',
      validFromField: 'validFrom',
      validUntil: undefined,
    });
    expect(view.statusEntries).toHaveLength(1);
    expect(view.statusEntries[0]).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: 42,
    });
    expect(view.proofs.map((proof) => proof.cryptosuite)).toEqual(['eddsa-rdfc-2022']);
  });

  it('takes a bare issuer id and a single type string', () => {
    const view = readCredential(obCredential({ issuer: 'https://issuer.example', type: 'X' }))!;

    expect(view.issuer).toEqual({ id: 'https://issuer.example' });
    expect(view.types).toEqual(['X']);
  });

  it('keeps every subject of an array and their achievements in order', () => {
    const second = { ...achievement, id: 'https://other.example/a/2' };
    const view = readCredential(
      obCredential({
        credentialSubject: [
          { id: 'did:key:first', achievement },
          'not a subject',
          { id: 'did:key:second', achievement: second },
        ],
      }),
    )!;

    expect(view.subjects.map((subject) => subject.id)).toEqual(['did:key:first', 'did:key:second']);
    expect(view.subjectId).toBe('did:key:first');
    expect(view.achievements.map((one) => one.id)).toEqual([achievement.id, second.id]);
    expect(view.achievement).toEqual(achievement);
  });

  it('reads the VC 1.1 names of the validity window when the 2.0 names are absent', () => {
    const document = obCredential({
      validFrom: undefined,
      issuanceDate: '2020-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
    });

    const { validity } = readCredential(document)!;

    expect(validity).toEqual({
      validFrom: '2020-01-01T00:00:00Z',
      validFromField: 'issuanceDate',
      validUntil: '2030-01-01T00:00:00Z',
      validUntilField: 'expirationDate',
    });
  });

  it('prefers validFrom and validUntil over the VC 1.1 names', () => {
    const document = obCredential({
      issuanceDate: '2020-01-01T00:00:00Z',
      validUntil: '2031-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
    });

    const { validity } = readCredential(document)!;

    expect(validity.validFrom).toBe('2026-01-01T00:00:00Z');
    expect(validity.validUntil).toBe('2031-01-01T00:00:00Z');
    expect(validity.validUntilField).toBe('validUntil');
  });

  it('lists several status entries and proofs, dropping entries that are not objects', () => {
    const entry = (purpose: string, index: unknown) => ({
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: index,
      statusListCredential: `https://tessera.example/status-lists/inst-1/${purpose}/1`,
    });
    const view = readCredential(
      obCredential({
        credentialStatus: [entry('revocation', 1), 'junk', entry('suspension', 'minus one')],
        proof: [{ type: 'DataIntegrityProof' }, { type: 'Ed25519Signature2020' }],
      }),
    )!;

    expect(view.statusEntries.map((one) => one.statusPurpose)).toEqual([
      'revocation',
      'suspension',
    ]);
    expect(view.statusEntries.map((one) => one.statusListIndex)).toEqual([1, undefined]);
    expect(view.proofs.map((proof) => proof.type)).toEqual([
      'DataIntegrityProof',
      'Ed25519Signature2020',
    ]);
  });

  it('leaves absent what is missing or of the wrong type', () => {
    const view = readCredential({ id: 7, issuer: 3, credentialSubject: 'x' })!;

    expect(view.id).toBeUndefined();
    expect(view.issuer).toEqual({});
    expect(view.subjects).toEqual([]);
    expect(view.achievement).toBeUndefined();
    expect(view.statusEntries).toEqual([]);
    expect(view.proofs).toEqual([]);
  });

  it('reads nothing when the document is not a JSON object', () => {
    expect([null, 'text', [obCredential()], 42].map(readCredential)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
