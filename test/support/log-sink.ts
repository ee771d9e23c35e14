import { Logger } from '@aws-lambda-powertools/logger';

type ErrorArguments = Parameters<Logger['error']>;
type Extra = ErrorArguments extends [unknown, ...infer Rest] ? Rest : never;

/**
 * A logger for platforms that fail on purpose: ERROR entries are kept for the test to assert
 * instead of printed, so a passing run prints no ERROR line and one that does means something
 * unexpected went wrong. Everything below ERROR is dropped, as the tests' log level does.
 */
export class CapturingLogger extends Logger {
  readonly errors: { message: string; details: unknown[] }[] = [];

  constructor() {
    super({ serviceName: 'tessera-test', logLevel: 'ERROR' });
  }

  override error(input: ErrorArguments[0], ...extra: Extra): void {
    const message = typeof input === 'string' ? input : String(input.message);
    this.errors.push({ message, details: extra });
  }
}
