import type { MessageKind } from '../model';
import { bulkJobFinished } from './bulk-job-finished';
import { credentialAwarded } from './credential-awarded';
import { credentialExpiring } from './credential-expiring';
import { credentialReinstated } from './credential-reinstated';
import { credentialRevoked } from './credential-revoked';
import { credentialSuspended } from './credential-suspended';
import { designApproved } from './design-approved';
import { designRejected } from './design-rejected';
import { designSentBack } from './design-sent-back';
import { endorsementExpiring } from './endorsement-expiring';
import { endorsementInvited } from './endorsement-invited';
import { endorsementWithdrawn } from './endorsement-withdrawn';
import { evidenceReturned } from './evidence-returned';
import { evidenceWaiting } from './evidence-waiting';
import type { Template } from './layout';
import { qaStepAssigned } from './qa-step-assigned';
import { qaStepDue } from './qa-step-due';
import { qaStepOverdue } from './qa-step-overdue';

export type { MessageData, Template } from './layout';

/** The template of each message kind (one file each in this folder). */
export const templates: Readonly<Record<MessageKind, Template>> = {
  CREDENTIAL_AWARDED: credentialAwarded,
  EVIDENCE_RETURNED: evidenceReturned,
  CREDENTIAL_REVOKED: credentialRevoked,
  CREDENTIAL_SUSPENDED: credentialSuspended,
  CREDENTIAL_REINSTATED: credentialReinstated,
  CREDENTIAL_EXPIRING: credentialExpiring,
  EVIDENCE_WAITING: evidenceWaiting,
  QA_STEP_ASSIGNED: qaStepAssigned,
  QA_STEP_DUE: qaStepDue,
  QA_STEP_OVERDUE: qaStepOverdue,
  DESIGN_SENT_BACK: designSentBack,
  DESIGN_APPROVED: designApproved,
  DESIGN_REJECTED: designRejected,
  ENDORSEMENT_INVITED: endorsementInvited,
  ENDORSEMENT_WITHDRAWN: endorsementWithdrawn,
  ENDORSEMENT_EXPIRING: endorsementExpiring,
  BULK_JOB_FINISHED: bulkJobFinished,
};
