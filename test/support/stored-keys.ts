/**
 * One stored item's keys per entity (and per sparse-index case), spelled out as literal strings:
 * the keys items were stored with before the entity descriptors existed. The descriptors must
 * keep writing exactly these, or stored items would no longer be found.
 */
export interface StoredKeyExample {
  /** The attributes the descriptor keys the item by. */
  readonly item: Readonly<Record<string, unknown>>;
  /** Every key of the stored item, and its `entity`. */
  readonly stored: {
    readonly entity: string;
    readonly pk: string;
    readonly sk: string;
  } & Readonly<Partial<Record<`gsi${1 | 2 | 3}${'pk' | 'sk'}`, string>>>;
}

const endorsementCredentialHash =
  '507dbf80543bf699577b8eb25f6049dd2cc4ff21e158976e6ad93bfb8c01c248';
const partUrlHash = 'd19657ee3a7e6149decd66162f4c38ee1533a3ce64685b1357c86b5503d628e8';

const review = {
  id: 'rev',
  institutionId: 'inst',
  status: 'IN_PROGRESS',
  submittedAt: 'T0',
  updatedAt: 'T1',
  waitingOnRole: 'reviewer',
  dueAt: 'T2',
};
const reviewListing = {
  gsi2pk: 'INSTITUTION#inst#REVIEWS',
  gsi2sk: 'T0#rev',
  gsi3pk: 'INSTITUTION#inst#REVIEWS#IN_PROGRESS',
  gsi3sk: 'T1#rev',
};
const submission = {
  id: 'sub',
  enrolmentId: 'enr',
  submittedAt: 'T11',
  institutionId: 'inst',
  microCredentialId: 'mc',
};
const importedCredential = { ownerId: 'owner', id: 'imp', importedAt: 'T13' };
const target = { kind: 'MICRO_CREDENTIAL', id: 'mc' };

export const storedKeyExamples: readonly StoredKeyExample[] = [
  {
    item: { id: 'inst', name: 'Acme' },
    stored: {
      entity: 'Institution',
      pk: 'INSTITUTION#inst',
      sk: 'PROFILE',
      gsi1pk: 'INSTITUTIONS',
      gsi1sk: 'acme#inst',
    },
  },
  {
    item: { id: 'mc', institutionId: 'inst', status: 'DRAFT', createdAt: 'T0' },
    stored: {
      entity: 'MicroCredential',
      pk: 'MICROCREDENTIAL#mc',
      sk: 'DESIGN',
      gsi1pk: 'INSTITUTION#inst#DESIGNS',
      gsi1sk: 'T0#mc',
      gsi2pk: 'INSTITUTION#inst#DESIGNS#DRAFT',
      gsi2sk: 'T0#mc',
    },
  },
  {
    item: { microCredentialId: 'mc', designVersion: 2 },
    stored: { entity: 'DesignVersion', pk: 'MICROCREDENTIAL#mc', sk: 'VERSION#000002' },
  },
  {
    item: { id: 'mc', institutionId: 'inst', publishedAt: 'T1', listed: true },
    stored: {
      entity: 'PublishedMicroCredential',
      pk: 'MICROCREDENTIAL#mc',
      sk: 'PUBLISHED',
      gsi1pk: 'CATALOGUE',
      gsi1sk: 'T1#mc',
      gsi2pk: 'CATALOGUE#INSTITUTION#inst',
      gsi2sk: 'T1#mc',
    },
  },
  {
    item: { id: 'mc', institutionId: 'inst', publishedAt: 'T1', listed: false },
    stored: { entity: 'PublishedMicroCredential', pk: 'MICROCREDENTIAL#mc', sk: 'PUBLISHED' },
  },
  {
    item: { institutionId: 'inst', workflowVersion: 3 },
    stored: { entity: 'QaWorkflow', pk: 'INSTITUTION#inst', sk: 'QA_WORKFLOW#000003' },
  },
  {
    item: review,
    stored: {
      entity: 'Review',
      pk: 'REVIEW#rev',
      sk: 'REVIEW',
      gsi1pk: 'QA_QUEUE#inst#reviewer',
      gsi1sk: 'T2#rev',
      ...reviewListing,
    },
  },
  {
    item: { ...review, dueAt: null },
    stored: {
      entity: 'Review',
      pk: 'REVIEW#rev',
      sk: 'REVIEW',
      gsi1pk: 'QA_QUEUE#inst#reviewer',
      gsi1sk: '9999#rev',
      ...reviewListing,
    },
  },
  {
    item: { ...review, waitingOnRole: null, dueAt: null },
    stored: { entity: 'Review', pk: 'REVIEW#rev', sk: 'REVIEW', ...reviewListing },
  },
  {
    item: { reviewId: 'rev', sequence: 4, institutionId: 'inst', at: 'T3', action: 'APPROVED' },
    stored: {
      entity: 'ReviewHistoryEntry',
      pk: 'REVIEW#rev',
      sk: 'HISTORY#000004',
      gsi1pk: 'INSTITUTION#inst#QA_DECISIONS',
      gsi1sk: 'T3#rev#4',
    },
  },
  {
    item: { reviewId: 'rev', sequence: 1, institutionId: 'inst', at: 'T0', action: 'SUBMITTED' },
    stored: { entity: 'ReviewHistoryEntry', pk: 'REVIEW#rev', sk: 'HISTORY#000001' },
  },
  {
    item: { reviewId: 'rev', round: 2 },
    stored: { entity: 'ReviewRound', pk: 'REVIEW#rev', sk: 'ROUND#000002' },
  },
  {
    item: { reviewId: 'rev', round: 1, stepKey: 'board', voterId: 'u1' },
    stored: { entity: 'ReviewVote', pk: 'REVIEW#rev', sk: 'VOTE#000001#board#u1' },
  },
  {
    item: { reviewId: 'rev', at: 'T2', id: 'c1' },
    stored: { entity: 'ReviewComment', pk: 'REVIEW#rev', sk: 'COMMENT#T2#c1' },
  },
  {
    item: { reviewId: 'rev', dueAt: 'T9' },
    stored: {
      entity: 'ReviewDueStep',
      pk: 'REVIEW#rev',
      sk: 'DUE',
      gsi1pk: 'QA_DUE',
      gsi1sk: 'T9#rev',
    },
  },
  {
    item: { institutionId: 'inst', occurredAt: 'T4', id: 'evt' },
    stored: { entity: 'DomainEvent', pk: 'EVENTS#inst', sk: 'T4#evt' },
  },
  {
    item: {
      id: 'cred',
      issuedAt: 'T5',
      institutionId: 'inst',
      microCredentialId: 'mc',
      emailHash: 'hash',
    },
    stored: {
      entity: 'Credential',
      pk: 'CREDENTIAL#cred',
      sk: 'CREDENTIAL',
      gsi1pk: 'RECIPIENT#hash',
      gsi1sk: 'T5#cred',
      gsi2pk: 'INSTITUTION#inst#CREDENTIALS',
      gsi2sk: 'T5#cred',
      gsi3pk: 'MICROCREDENTIAL#mc#CREDENTIALS',
      gsi3sk: 'T5#cred',
    },
  },
  {
    item: { credentialId: 'cred', sequence: 1 },
    stored: { entity: 'CredentialStatusAudit', pk: 'CREDENTIAL#cred', sk: 'AUDIT#000001' },
  },
  {
    item: { microCredentialId: 'mc', issuedAt: 'T5', id: 'cred' },
    stored: {
      entity: 'RecentRecipient',
      pk: 'MICROCREDENTIAL#mc#RECENTLY_ISSUED',
      sk: 'T5#cred',
    },
  },
  {
    item: { institutionId: 'inst', key: 'idem' },
    stored: { entity: 'Reservation', pk: 'RESERVATION#inst#idem', sk: 'RESERVATION' },
  },
  {
    item: { institutionId: 'inst', purpose: 'revocation' },
    stored: {
      entity: 'StatusAllocation',
      pk: 'INSTITUTION#inst',
      sk: 'STATUS_ALLOCATION#revocation',
    },
  },
  {
    item: { institutionId: 'inst', purpose: 'revocation', listNumber: 1, index: 42 },
    stored: { entity: 'StatusBit', pk: 'STATUSLIST#inst#revocation#1', sk: 'BIT#000042' },
  },
  {
    item: { institutionId: 'inst', purpose: 'revocation', listNumber: 1 },
    stored: { entity: 'PublishedStatusList', pk: 'STATUSLIST#inst#revocation#1', sk: 'PUBLISHED' },
  },
  {
    item: { ownerKind: 'institution', ownerId: 'inst', keyId: 'k1' },
    stored: { entity: 'SigningKey', pk: 'INSTITUTION#inst', sk: 'KEY#k1' },
  },
  {
    item: { ownerKind: 'partner', ownerId: 'partner', keyId: 'k2' },
    stored: { entity: 'SigningKey', pk: 'PARTNER#partner', sk: 'KEY#k2' },
  },
  {
    item: { ownerKind: 'platform', ownerId: 'tessera', keyId: 'k3' },
    stored: { entity: 'SigningKey', pk: 'PLATFORM#tessera', sk: 'KEY#k3' },
  },
  {
    item: { ownerKind: 'institution', ownerId: 'inst', generation: 2 },
    stored: { entity: 'KeyRotation', pk: 'INSTITUTION#inst', sk: 'KEY_ROTATION#000002' },
  },
  {
    item: { id: 'job', institutionId: 'inst', createdAt: 'T6' },
    stored: {
      entity: 'BulkIssuanceJob',
      pk: 'BULKJOB#job',
      sk: 'JOB',
      gsi2pk: 'INSTITUTION#inst#BULKJOBS',
      gsi2sk: 'T6#job',
    },
  },
  {
    item: { jobId: 'job', row: 7, status: 'PENDING' },
    stored: {
      entity: 'BulkIssuanceRow',
      pk: 'BULKJOB#job',
      sk: 'ROW#000007',
      gsi1pk: 'BULKJOB#job#PENDING',
      gsi1sk: 'ROW#000007',
    },
  },
  {
    item: { jobId: 'job', shard: 3 },
    stored: { entity: 'BulkIssuanceJobCounter', pk: 'BULKJOB#job', sk: 'COUNT#000003' },
  },
  {
    item: { id: 'partner' },
    stored: { entity: 'Partner', pk: 'PARTNER#partner', sk: 'PROFILE' },
  },
  {
    item: { institutionId: 'inst', partnerId: 'partner', name: 'Good Co' },
    stored: {
      entity: 'PartnerLink',
      pk: 'INSTITUTION#inst',
      sk: 'PARTNER#partner',
      gsi1pk: 'INSTITUTION#inst#PARTNERS',
      gsi1sk: 'good co#partner',
    },
  },
  {
    item: { keyId: 'ak', partnerId: 'partner', createdAt: 'T7' },
    stored: {
      entity: 'ApiKey',
      pk: 'APIKEY#ak',
      sk: 'APIKEY',
      gsi1pk: 'PARTNER#partner#APIKEYS',
      gsi1sk: 'T7#ak',
    },
  },
  {
    item: { id: 'end', target, partnerId: 'partner', issuedAt: 'T8' },
    stored: {
      entity: 'Endorsement',
      pk: 'ENDORSEMENT#end',
      sk: 'ENDORSEMENT',
      gsi1pk: 'ENDORSED#MICRO_CREDENTIAL#mc',
      gsi1sk: 'T8#end',
      gsi2pk: 'PARTNER#partner#ENDORSEMENTS',
      gsi2sk: 'T8#end',
    },
  },
  {
    item: { microCredentialId: 'mc', designVersion: 3 },
    stored: {
      entity: 'QaEndorsement',
      pk: 'QA_ENDORSEMENT#mc',
      sk: 'VERSION#000003',
    },
  },
  {
    item: { endorsementId: 'end', designVersion: 2 },
    stored: {
      entity: 'EndorsementVersionCredential',
      pk: 'ENDORSEMENT#end',
      sk: 'VERSION#000002',
    },
  },
  {
    item: { credentialId: 'urn:uuid:a' },
    stored: {
      entity: 'EndorsementCredentialIndex',
      pk: `ENDORSEMENT_CREDENTIAL#${endorsementCredentialHash}`,
      sk: 'ENDORSEMENT_CREDENTIAL',
    },
  },
  {
    item: { partnerId: 'partner', target },
    stored: {
      entity: 'ActiveEndorsement',
      pk: 'PARTNER#partner',
      sk: 'ACTIVE_ENDORSEMENT#MICRO_CREDENTIAL#mc',
    },
  },
  {
    item: {
      id: 'inv',
      partnerId: 'partner',
      status: 'PENDING',
      createdAt: 'T9',
      microCredentialId: 'mc',
    },
    stored: {
      entity: 'EndorsementInvitation',
      pk: 'INVITATION#inv',
      sk: 'INVITATION',
      gsi1pk: 'PARTNER#partner#INVITATIONS#PENDING',
      gsi1sk: 'T9#inv',
      gsi2pk: 'MICROCREDENTIAL#mc#INVITATIONS',
      gsi2sk: 'T9#inv',
    },
  },
  {
    item: { partnerId: 'partner', microCredentialId: 'mc' },
    stored: { entity: 'PendingInvitation', pk: 'PARTNER#partner', sk: 'PENDING_INVITATION#mc' },
  },
  {
    item: { id: 'enr', learnerId: 'learner', enrolledAt: 'T10' },
    stored: {
      entity: 'Enrolment',
      pk: 'ENROLMENT#enr',
      sk: 'ENROLMENT',
      gsi1pk: 'LEARNER#learner#ENROLMENTS',
      gsi1sk: 'T10#enr',
    },
  },
  {
    item: { learnerId: 'learner', microCredentialId: 'mc' },
    stored: { entity: 'EnrolmentClaim', pk: 'LEARNER#learner#DESIGN#mc', sk: 'ENROLMENT_CLAIM' },
  },
  {
    item: { id: 'file' },
    stored: { entity: 'EvidenceFile', pk: 'EVIDENCEFILE#file', sk: 'FILE' },
  },
  {
    item: { ...submission, status: 'SUBMITTED' },
    stored: {
      entity: 'EvidenceSubmission',
      pk: 'SUBMISSION#sub',
      sk: 'SUBMISSION',
      gsi1pk: 'ENROLMENT#enr#SUBMISSIONS',
      gsi1sk: 'T11#sub',
      gsi2pk: 'INSTITUTION#inst#ASSESSMENT_QUEUE',
      gsi2sk: 'T11#sub',
      gsi3pk: 'INSTITUTION#inst#ASSESSMENT_QUEUE#MICROCREDENTIAL#mc',
      gsi3sk: 'T11#sub',
    },
  },
  {
    item: { ...submission, status: 'ACCEPTED' },
    stored: {
      entity: 'EvidenceSubmission',
      pk: 'SUBMISSION#sub',
      sk: 'SUBMISSION',
      gsi1pk: 'ENROLMENT#enr#SUBMISSIONS',
      gsi1sk: 'T11#sub',
    },
  },
  {
    item: { id: 'stack', microCredentialId: 'mc', institutionId: 'inst', createdAt: 'T12' },
    stored: {
      entity: 'Stack',
      pk: 'STACK#stack',
      sk: 'STACK',
      gsi1pk: 'MICROCREDENTIAL#mc#STACKS',
      gsi1sk: 'T12#stack',
      gsi2pk: 'INSTITUTION#inst#STACKS',
      gsi2sk: 'T12#stack',
    },
  },
  {
    item: { microCredentialId: 'mc', stackId: 'stack' },
    stored: { entity: 'StackTarget', pk: 'STACKTARGET#mc', sk: 'STACK#stack' },
  },
  {
    item: { partKey: 'mc', stackId: 'stack' },
    stored: { entity: 'StackPart', pk: 'STACKPART#mc', sk: 'STACK#stack' },
  },
  {
    item: { partKey: 'https://elsewhere.example.edu/badge', stackId: 'stack' },
    stored: { entity: 'StackPart', pk: `STACKPART#URL#${partUrlHash}`, sk: 'STACK#stack' },
  },
  {
    item: { id: 'tr' },
    stored: { entity: 'Transcript', pk: 'TRANSCRIPT#tr', sk: 'TRANSCRIPT' },
  },
  {
    item: { learnerEmailHash: 'hash' },
    stored: { entity: 'LatestTranscript', pk: 'TRANSCRIPTS_OF#hash', sk: 'LATEST' },
  },
  {
    item: { learnerEmailHash: 'hash' },
    stored: { entity: 'StackingHoldings', pk: 'STACKING_HOLDER#hash', sk: 'HOLDINGS' },
  },
  {
    item: { credentialId: 'cred', linkId: 'link' },
    stored: { entity: 'ShareLink', pk: 'CREDENTIAL#cred', sk: 'SHARE#link' },
  },
  {
    item: { ...importedCredential, ownerEmailHash: 'hash' },
    stored: {
      entity: 'ImportedCredential',
      pk: 'BACKPACK#owner',
      sk: 'ITEM#imp',
      gsi1pk: 'BACKPACK_EMAIL#hash',
      gsi1sk: 'T13#imp',
    },
  },
  {
    item: importedCredential,
    stored: { entity: 'ImportedCredential', pk: 'BACKPACK#owner', sk: 'ITEM#imp' },
  },
  {
    item: { codeHash: 'c1' },
    stored: { entity: 'WalletOffer', pk: 'WALLET_OFFER#c1', sk: 'OFFER' },
  },
  {
    item: { tokenHash: 't1' },
    stored: { entity: 'WalletAccessGrant', pk: 'WALLET_TOKEN#t1', sk: 'TOKEN' },
  },
  {
    item: { nonceHash: 'n1' },
    stored: { entity: 'WalletNonce', pk: 'WALLET_NONCE#n1', sk: 'NONCE' },
  },
  {
    item: { id: 'x1' },
    stored: { entity: 'WalletExchange', pk: 'WALLET_EXCHANGE#x1', sk: 'EXCHANGE' },
  },
  {
    item: { id: 'w1', credentialId: 'cred', issuedAt: 'T5' },
    stored: {
      entity: 'WalletCopy',
      pk: 'WALLET_COPY#w1',
      sk: 'COPY',
      gsi1pk: 'CREDENTIAL#cred#WALLET_COPIES',
      gsi1sk: 'T5#w1',
    },
  },
  {
    item: { id: 'm1', email: 'Staff@Example.edu', institutionId: 'inst' },
    stored: {
      entity: 'Member',
      pk: 'MEMBER#m1',
      sk: 'MEMBER',
      gsi1pk: 'INSTITUTION#inst#MEMBERS',
      gsi1sk: 'staff@example.edu#m1',
    },
  },
  {
    item: { id: 'm2', email: 'hr@partner.example.com', partnerId: 'par' },
    stored: {
      entity: 'Member',
      pk: 'MEMBER#m2',
      sk: 'MEMBER',
      gsi2pk: 'PARTNER#par#MEMBERS',
      gsi2sk: 'hr@partner.example.com#m2',
    },
  },
];
