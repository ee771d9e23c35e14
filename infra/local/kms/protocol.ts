/**
 * The framing of the KMS JSON protocol (`application/x-amz-json-1.1`): error shapes and the
 * reading of request members with the validation messages AWS KMS gives.
 */

/**
 * An error the endpoint answers with. `type` becomes the body's `__type`, which the AWS SDK
 * maps to its exception class of the same name (`NotFoundException`, `DisabledException`, ...).
 */
export class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export function validationError(message: string): KmsError {
  return new KmsError('ValidationException', message);
}

/**
 * AWS reports constraint failures with the member's name in lower camel case, and leaves the
 * value out for blobs ("Value at 'message' failed to satisfy constraint: ...").
 */
function constraintError(member: string, shown: string | undefined, constraint: string): KmsError {
  const field = member.charAt(0).toLowerCase() + member.slice(1);
  const value = shown === undefined ? 'Value' : `Value ${shown}`;
  return validationError(
    `1 validation error detected: ${value} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** A member of the wrong JSON type is a deserialization failure in AWS, not a validation one. */
function serializationError(member: string): KmsError {
  return new KmsError('SerializationException', `Unexpected value type for member '${member}'.`);
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface LengthLimits {
  readonly min?: number;
  readonly max?: number;
}

interface StringRules extends LengthLimits {
  /** Checked after the length, as AWS does; its source is quoted in the message. */
  readonly pattern?: RegExp;
}

/** Reads members of one request body, raising the errors AWS raises for each constraint. */
export class RequestReader {
  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  private present(member: string): unknown {
    const value = this.body[member];
    return value === null ? undefined : value;
  }

  optionalString(member: string, rules: StringRules = {}): string | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw serializationError(member);
    checkLength(member, `'${value}'`, value.length, rules);
    if (rules.pattern && !rules.pattern.test(value)) {
      throw constraintError(
        member,
        `'${value}'`,
        `Member must satisfy regular expression pattern: ${rules.pattern.source}`,
      );
    }
    return value;
  }

  string(member: string, rules: StringRules = {}): string {
    return this.optionalString(member, rules) ?? notNull(member);
  }

  optionalEnum<T extends string>(member: string, values: readonly T[]): T | undefined {
    const value = this.optionalString(member);
    if (value === undefined) return undefined;
    if (!isOneOf(value, values)) {
      throw constraintError(
        member,
        `'${value}'`,
        `Member must satisfy enum value set: [${values.join(', ')}]`,
      );
    }
    return value;
  }

  enum<T extends string>(member: string, values: readonly T[]): T {
    return this.optionalEnum(member, values) ?? notNull(member);
  }

  /** Blob members travel as base64 strings; limits apply to the decoded bytes. */
  optionalBlob(member: string, limits: LengthLimits = {}): Buffer | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !base64Pattern.test(value)) throw serializationError(member);
    const bytes = Buffer.from(value, 'base64');
    checkLength(member, undefined, bytes.length, limits);
    return bytes;
  }

  blob(member: string, limits: LengthLimits = {}): Buffer {
    return this.optionalBlob(member, limits) ?? notNull(member);
  }

  optionalInteger(member: string, range: { min: number; max: number }): number | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(member);
    if (value < range.min) {
      throw constraintError(
        member,
        `'${value}'`,
        `Member must have value greater than or equal to ${range.min}`,
      );
    }
    if (value > range.max) {
      throw constraintError(
        member,
        `'${value}'`,
        `Member must have value less than or equal to ${range.max}`,
      );
    }
    return value;
  }

  optionalBoolean(member: string): boolean | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw serializationError(member);
    return value;
  }

  /** A list of structures, each read with its own reader. */
  optionalList<T>(member: string, read: (item: RequestReader) => T): T[] | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw serializationError(member);
    return value.map((item: unknown) => {
      if (!isRecord(item)) throw serializationError(member);
      return read(new RequestReader(item));
    });
  }

  optionalStringList(member: string): string[] | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw serializationError(member);
    return value.map((item: unknown) => {
      if (typeof item !== 'string') throw serializationError(member);
      return item;
    });
  }
}

function notNull(member: string): never {
  throw constraintError(member, 'null', 'Member must not be null');
}

function checkLength(
  member: string,
  shown: string | undefined,
  length: number,
  { min, max }: LengthLimits,
): void {
  if (min !== undefined && length < min) {
    throw constraintError(member, shown, `Member must have length greater than or equal to ${min}`);
  }
  if (max !== undefined && length > max) {
    throw constraintError(member, shown, `Member must have length less than or equal to ${max}`);
  }
}

export function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
