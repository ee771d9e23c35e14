import { createHash } from 'node:crypto';
import type { EventDefinition } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';
import type { Clock } from '../shared/runtime';
import { CredentialIssued } from '../issuance/events';
import { EndorsementSubmitted } from '../partners/events';
import { ReviewResubmitted, ReviewSubmitted, StepApproved } from '../qa/events';
import { CredentialExpiring, EndorsementExpiring, QaStepDueSoon, QaStepOverdue } from './events';
import { reminderLeadDays, type Reminder, type ReminderKind } from './model';
import type { NotificationDirectory, RecordEvents, ReminderRepository } from './ports';

export interface RemindersDeps {
  readonly reminders: ReminderRepository;
  readonly directory: NotificationDirectory;
  readonly recordEvents: RecordEvents;
  readonly clock: Clock;
}

type Due = Omit<Reminder, 'id' | 'remindAt' | 'version' | 'institutionId' | 'aggregateId'>;

const dayMs = 86_400_000;

/**
 * Reminders of due dates: scheduled from the events that start a clock (a QA step begins, a
 * credential or an endorsement with an end date is issued), raised by the schedule as reminder
 * events when their time comes and they still apply. Those events then send messages and
 * webhooks like any other event.
 */
export class Reminders {
  constructor(private readonly deps: RemindersDeps) {}

  /** Schedules the reminders an event starts (none for most events). */
  async schedule(event: DomainEvent): Promise<void> {
    for (const due of await this.dueDates(event)) {
      for (const kind of kindsOf(due.kind)) {
        const remindAt = new Date(Date.parse(due.dueAt) - reminderLeadDays[kind] * dayMs);
        await this.deps.reminders.schedule({
          ...due,
          kind,
          id: createHash('sha256')
            .update(`${kind}|${event.aggregateId}|${due.dueAt}`)
            .digest('hex'),
          institutionId: event.institutionId,
          aggregateId: event.aggregateId,
          remindAt: remindAt.toISOString(),
          version: 1,
        });
      }
    }
  }

  /** Raises every reminder due now that still applies; returns how many were raised. */
  async fire(limit = 100): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    const due = await this.deps.reminders.due(now, limit);
    let raised = 0;
    for (const reminder of due) {
      const event = (await this.applies(reminder)) ? reminderEvent(reminder) : null;
      if (event) {
        await this.deps.recordEvents([event]);
        raised += 1;
      }
      await this.deps.reminders.remove(reminder);
    }
    return raised;
  }

  private async dueDates(event: DomainEvent): Promise<Due[]> {
    const { directory } = this.deps;
    if (event.type === CredentialIssued.name) {
      const credential = await directory.credential(event.aggregateId);
      return credential?.validUntil
        ? [{ kind: 'CREDENTIAL_EXPIRING', dueAt: credential.validUntil }]
        : [];
    }
    if (event.type === EndorsementSubmitted.name) {
      const endorsement = await directory.endorsement(event.aggregateId);
      if (!endorsement?.expiresOn) return [];
      return [
        {
          kind: 'ENDORSEMENT_EXPIRING',
          dueAt: endorsement.expiresOn,
          partnerId: endorsement.partnerId,
          microCredentialId: endorsement.targetId,
        },
      ];
    }
    if (
      [ReviewSubmitted, ReviewResubmitted, StepApproved].some((kind) => kind.name === event.type)
    ) {
      const review = await directory.review(event.aggregateId);
      if (review?.status !== 'IN_PROGRESS' || !review.currentStepDueAt || !review.currentStepKey)
        return [];
      return [
        {
          kind: 'QA_STEP_DUE',
          dueAt: review.currentStepDueAt,
          stepKey: review.currentStepKey,
          microCredentialId:
            typeof event.data.microCredentialId === 'string' ? event.data.microCredentialId : '',
        },
      ];
    }
    return [];
  }

  /** Whether the thing reminded of still waits with the same due date. */
  private async applies(reminder: Reminder): Promise<boolean> {
    const { directory } = this.deps;
    switch (reminder.kind) {
      case 'CREDENTIAL_EXPIRING': {
        const credential = await directory.credential(reminder.aggregateId);
        return credential?.status === 'ACTIVE' && credential.validUntil === reminder.dueAt;
      }
      case 'ENDORSEMENT_EXPIRING': {
        const endorsement = await directory.endorsement(reminder.aggregateId);
        return endorsement?.active === true && endorsement.expiresOn === reminder.dueAt;
      }
      default: {
        const review = await directory.review(reminder.aggregateId);
        return (
          review?.status === 'IN_PROGRESS' &&
          review.currentStepKey === reminder.stepKey &&
          review.currentStepDueAt === reminder.dueAt
        );
      }
    }
  }
}

/** A QA step's due date gives two reminders: two days before, and when it passes. */
function kindsOf(kind: ReminderKind): ReminderKind[] {
  return kind === 'QA_STEP_DUE' ? ['QA_STEP_DUE', 'QA_STEP_OVERDUE'] : [kind];
}

const definitions: Readonly<Record<ReminderKind, EventDefinition>> = {
  QA_STEP_DUE: QaStepDueSoon,
  QA_STEP_OVERDUE: QaStepOverdue,
  CREDENTIAL_EXPIRING: CredentialExpiring,
  ENDORSEMENT_EXPIRING: EndorsementExpiring,
};

/** The event a reminder raises; its id and time come from the reminder, so it is raised once. */
function reminderEvent(reminder: Reminder): DomainEvent {
  const data =
    reminder.kind === 'CREDENTIAL_EXPIRING'
      ? { validUntil: reminder.dueAt }
      : reminder.kind === 'ENDORSEMENT_EXPIRING'
        ? {
            partnerId: reminder.partnerId ?? '',
            microCredentialId: reminder.microCredentialId ?? '',
            validUntil: reminder.dueAt,
          }
        : {
            microCredentialId: reminder.microCredentialId ?? '',
            stepKey: reminder.stepKey ?? '',
            dueAt: reminder.dueAt,
          };
  return definitions[reminder.kind].create(data, {
    id: `reminder-${reminder.id.slice(0, 32)}`,
    institutionId: reminder.institutionId,
    aggregateId: reminder.aggregateId,
    occurredAt: reminder.remindAt,
    actor: { kind: 'platform', id: 'platform' },
  });
}
