import type * as z from 'zod';
import type { DomainEvent } from './events';

/** Who caused an event (a user, a partner, the platform). */
export type EventActor = DomainEvent['actor'];

/** Where and when an event happened: the envelope fields its producer knows. */
export interface EventOrigin {
  readonly id: string;
  readonly institutionId: string;
  readonly aggregateId: string;
  readonly occurredAt: string;
  readonly actor: EventActor;
}

/** A domain event whose payload was checked against its definition. */
export type TypedEvent<Name extends string, Data> = Omit<DomainEvent, 'type' | 'data'> & {
  readonly type: Name;
  readonly data: Data;
};

/**
 * One kind of domain event: its name (the stored `type`), the version of its payload and the
 * schema of that payload. Producers build events with `create` and consumers read them with
 * `parse`, so both sides agree on one shape.
 */
export interface EventDefinition<Name extends string = string, Data = unknown> {
  readonly name: Name;
  /** Payload version, stored as the item's `version` (events recorded before it are 1). */
  readonly version: number;
  /** The kind of thing the event is about (its `aggregateType`). */
  readonly aggregateType: string;
  readonly schema: z.ZodType<Data>;
  /** Builds the event, refusing a payload its own schema does not accept. */
  create(data: Data, origin: EventOrigin): DomainEvent;
  /** Reads a stored event of this kind; throws when its type, version or payload do not fit. */
  parse(event: DomainEvent): TypedEvent<Name, Data>;
}

export interface EventSpec<Name extends string, Data extends Record<string, unknown>> {
  readonly name: Name;
  readonly version: number;
  readonly aggregateType: string;
  readonly schema: z.ZodType<Data>;
}

/** Declares a kind of domain event (see `EventDefinition`). */
export function defineEvent<Name extends string, Data extends Record<string, unknown>>(
  spec: EventSpec<Name, Data>,
): EventDefinition<Name, Data> {
  return {
    ...spec,
    create(data, origin) {
      spec.schema.parse(data);
      // The payload is stored as given (not the parse output) so that unknown keys are kept.
      return {
        ...origin,
        type: spec.name,
        version: spec.version,
        aggregateType: spec.aggregateType,
        data,
      };
    },
    parse(event) {
      if (event.type !== spec.name) {
        throw new Error(`Expected a ${spec.name} event, got ${event.type}`);
      }
      const version = event.version ?? 1;
      if (version !== spec.version) {
        throw new Error(`Unsupported ${spec.name} event version ${version}`);
      }
      return { ...event, type: spec.name, data: spec.schema.parse(event.data) };
    },
  };
}

/** The event a definition reads, e.g. `EventOf<typeof CredentialRevoked>`. */
export type EventOf<Definition> =
  Definition extends EventDefinition<infer Name, infer Data> ? TypedEvent<Name, Data> : never;
