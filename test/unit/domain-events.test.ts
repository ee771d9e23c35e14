import { describe, expect, it } from 'vitest';
import { designEvents } from '../../functions/core/designs/events';
import { institutionEvents } from '../../functions/core/institutions/events';
import { issuanceEvents } from '../../functions/core/issuance/events';
import { keyEvents } from '../../functions/core/keys/events';
import { learningEvents } from '../../functions/core/learning/events';
import { partnerEvents } from '../../functions/core/partners/events';
import { qaEvents } from '../../functions/core/qa/events';
import { sharingEvents } from '../../functions/core/sharing/events';
import { stackingEvents } from '../../functions/core/stacking/events';
import type { EventDefinition, EventOrigin } from '../../functions/core/shared/domain-events';
import { domainEventSchema } from '../../functions/core/shared/events';

const definitions: readonly EventDefinition<string, unknown>[] = [
  ...designEvents,
  ...institutionEvents,
  ...issuanceEvents,
  ...keyEvents,
  ...learningEvents,
  ...partnerEvents,
  ...qaEvents,
  ...sharingEvents,
  ...stackingEvents,
];

const entry = { purpose: 'revocation', listNumber: 1, index: 7 };
const statusChange = {
  reason: null,
  statusList: entry,
  wasSuspended: false,
  suspensionEntry: null,
};
const bulkJob = { jobId: 'job-1', microCredentialId: 'mc-1', total: 3 };
const enrolment = { enrolmentId: 'en-1', microCredentialId: 'mc-1' };
const evidence = { ...enrolment, component: 'DEMONSTRATION', submissionId: 'sub-1' };
const submission = { microCredentialId: 'mc-1', designVersion: 2, round: 1, stepKey: 'board' };
const decision = {
  microCredentialId: 'mc-1',
  stepKey: 'board',
  outcome: 'APPROVE',
  designVersion: 2,
  nextStepKey: 'senior-management',
};
const qaComment = {
  microCredentialId: 'mc-1',
  stepKey: 'board',
  commentId: 'c-1',
  parentId: null,
  authorId: 'u-1',
};
const stack = { stackId: 'st-1', microCredentialId: 'mc-9', rule: 'ALL' };
const endorsement = { partnerId: 'p-1', target: { kind: 'MICRO_CREDENTIAL', id: 'mc-1' } };
const invitation = { partnerId: 'p-1', microCredentialId: 'mc-1' };

/** A payload each producer could send today; a definition without one fails the suite. */
const samples: Record<string, Record<string, unknown>> = {
  'design.published': { designVersion: 2, supersededVersion: 1 },
  'design.retired': { reason: null },
  'institution.created': { name: 'Northwind Polytechnic' },
  'credential.issued': {
    microCredentialId: 'mc-1',
    designVersion: 1,
    kind: 'micro',
    emailHash: 'abc',
    parts: [],
  },
  'credential.revoked': statusChange,
  'credential.suspended': { ...statusChange, statusList: { ...entry, purpose: 'suspension' } },
  'credential.reinstated': { ...statusChange, wasSuspended: true },
  'credential.part_revoked': { partId: 'cr-2' },
  'bulk_issuance.requested': bulkJob,
  'bulk_issuance.continue': bulkJob,
  'bulk_issuance.completed': bulkJob,
  'keys.revoked': { ownerKind: 'institution', ownerId: 'i-1', keyId: 'k-1', reason: 'lost' },
  'keys.rotation_requested': { ownerKind: 'partner', ownerId: 'p-1', generation: 2 },
  'enrolment.created': enrolment,
  'evidence.submitted': { ...evidence, round: 1 },
  'evidence.accepted': evidence,
  'evidence.returned': evidence,
  'enrolment.completed': enrolment,
  'enrolment.awarded': {
    ...enrolment,
    credentialId: 'cr-1',
    designVersion: 1,
    evidenceAttached: true,
  },
  'enrolment.award_failed': { ...enrolment, code: 'DESIGN_RETIRED', message: 'Retired.' },
  'partner.created': { name: 'Contoso Ltd' },
  'partner.linked': { partnerId: 'p-1' },
  'partner.unlinked': { partnerId: 'p-1', by: 'partner' },
  'endorsement.submitted': endorsement,
  'endorsement.withdrawn': endorsement,
  'endorsement.invited': invitation,
  'endorsement.declined': invitation,
  'qa.review.submitted': submission,
  'qa.review.resubmitted': { ...submission, round: 2 },
  'qa.review.fields_supplied': { microCredentialId: 'mc-1', fieldKeys: ['rationale'] },
  'qa.review.approved': { ...decision, nextStepKey: undefined },
  'qa.review.rejected': { ...decision, outcome: 'REJECT', nextStepKey: undefined },
  'qa.review.changes_requested': { ...decision, outcome: 'REQUEST_CHANGES' },
  'qa.step.approved': decision,
  'qa.review.updated': decision,
  'qa.review.withdrawn': { microCredentialId: 'mc-1', designVersion: 2, round: 1 },
  'qa.step.assigned': {
    microCredentialId: 'mc-1',
    stepKey: 'board',
    role: 'board',
    round: 1,
    dueAt: '2026-02-01T10:00:00.000Z',
  },
  'qa.review.commented': qaComment,
  'qa.review.mentioned': { ...qaComment, mentions: ['chair@example.edu'] },
  'backpack.imported': { emailHash: null, achievementId: 'urn:ach:1', ownerId: 'u-1' },
  'stack.defined': stack,
  'stack.retired': stack,
};

const origin: EventOrigin = {
  id: 'ev-1',
  institutionId: 'i-1',
  aggregateId: 'agg-1',
  occurredAt: '2026-01-05T10:00:00.000Z',
  actor: { kind: 'user', id: 'u-1' },
};

function sampleOf(definition: EventDefinition<string, unknown>): Record<string, unknown> {
  const sample = samples[definition.name];
  if (!sample) throw new Error(`No sample payload for ${definition.name}`);
  return sample;
}

describe('domain event definitions', () => {
  it('names every kind of event once', () => {
    const names = definitions.map((definition) => definition.name);

    expect(new Set(names).size).toBe(names.length);
  });

  it.each(definitions)('has a positive version and an aggregate type: $name', (definition) => {
    expect(Number.isInteger(definition.version) && definition.version > 0).toBe(true);
    expect(definition.aggregateType).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it.each(definitions)('builds an event its consumer reads back: $name', (definition) => {
    const sample = sampleOf(definition);

    const event = definition.create(sample, origin);
    const stored = domainEventSchema.parse(JSON.parse(JSON.stringify(event)));

    expect(stored).toMatchObject({ ...origin, type: definition.name, version: definition.version });
    expect(definition.parse(stored).data).toEqual(JSON.parse(JSON.stringify(sample)));
  });

  it.each(definitions)('refuses a malformed payload: $name', (definition) => {
    // No field of any event accepts an object without keys it names.
    const first = Object.keys(sampleOf(definition))[0]!;
    const malformed = { ...sampleOf(definition), [first]: { malformed: true } };
    const event = { ...definition.create(sampleOf(definition), origin), data: malformed };

    expect(() => definition.create(malformed, origin)).toThrow();
    expect(() => definition.parse(event)).toThrow();
  });

  it.each(definitions)('reads events recorded before versions were stored: $name', (definition) => {
    const { version: _version, ...unversioned } = definition.create(sampleOf(definition), origin);

    expect(definition.parse(unversioned).type).toBe(definition.name);
  });

  it('refuses an event of another kind or version', () => {
    const [first, second] = definitions;
    const event = first!.create(sampleOf(first!), origin);

    expect(() => second!.parse(event)).toThrow(/Expected/);
    expect(() => first!.parse({ ...event, version: first!.version + 1 })).toThrow(/version/);
  });
});
