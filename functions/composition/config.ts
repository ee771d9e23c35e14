import * as z from 'zod';

/**
 * Environment of every Tessera function, validated once at cold start. The CDK stateless stack
 * sets these variables; the local runner sets them to the loopback services.
 */
export const configSchema = z.object({
  /**
   * `local` and `test` relax nothing about security; every deployed stage (`dev`, `prod`) hides
   * the schema (see `GRAPHQL_SCHEMA_DISCOVERY`).
   */
  STAGE: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
  /**
   * Introspection and "did you mean" field suggestions: `on` or `off`. Unset, they are on only
   * where nothing is deployed (`local`, `test`); a deployed stage turns them on only by this
   * explicit setting.
   */
  GRAPHQL_SCHEMA_DISCOVERY: z.enum(['on', 'off']).optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  TABLE_NAME: z.string().min(1),
  /** Base of every public URL the platform mints (credential ids, issuer profiles, DIDs). */
  PUBLIC_BASE_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
  /** JWKS of the identity provider (Cognito user pool, or the local dev issuer). */
  AUTH_JWKS_URL: z.url(),
  AUTH_ISSUER: z.string().min(1),
  /** Cognito app client id(s), comma separated; when unset the audience is not checked. */
  AUTH_AUDIENCE: z.string().optional(),
  /**
   * The Cognito user pool the API manages people in (invitations, roles, deactivation); set
   * for the API function only. Unset, people are managed only where a directory is given.
   */
  IDENTITY_USER_POOL_ID: z.string().min(1).optional(),
  /** Endpoint overrides for the local services; unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  KMS_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  EVIDENCE_BUCKET: z.string().min(1).default('tessera-evidence'),
  /** Prefix of the KMS aliases Tessera creates, e.g. `alias/tessera-prod/`. */
  KMS_ALIAS_PREFIX: z
    .string()
    .regex(/^alias\/[A-Za-z0-9/_-]+\/$/)
    .default('alias/tessera/'),
  /** Sender of the platform's email. */
  MAIL_FROM: z.string().min(3).default('Tessera <no-reply@tessera.localhost>'),
  /** An SMTP server (`smtp://host:port`) to send mail through; unset in AWS, which uses SES. */
  SMTP_URL: z.url().optional(),
  /** SES configuration set for sending (AWS). */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The SQS queue the delivery function reads (AWS); unset locally. */
  DELIVERY_QUEUE_URL: z.url().optional(),
  /** `SILENT` is for tests that provoke errors on purpose (fault injection). */
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /**
   * GraphQL requests a minute per client (token buckets, bursts of a quarter of a minute's
   * worth): anonymous callers by source IP, people by user id, partners by partner id.
   */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_PARTNER_PER_MINUTE: z.coerce.number().int().positive().default(1_200),
});

export type Config = z.infer<typeof configSchema>;

/** Whether the API answers introspection and suggests field names (see the variable's doc). */
export function schemaDiscoverable(config: Config): boolean {
  if (config.GRAPHQL_SCHEMA_DISCOVERY !== undefined)
    return config.GRAPHQL_SCHEMA_DISCOVERY === 'on';
  return config.STAGE === 'local' || config.STAGE === 'test';
}

/** Parses the environment; a missing or malformed variable stops the cold start with its name. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
