/**
 * Deployment stages of the CDK app. `local` and `test` (see functions/composition/config.ts) never
 * reach AWS, so the app knows only these two.
 */
export const deploymentStages = ['dev', 'prod'] as const;

export type DeploymentStage = (typeof deploymentStages)[number];

/** Reads the stage from CDK context (`-c stage=prod`); anything but a known stage stops synth. */
export function parseStage(value: unknown): DeploymentStage {
  if (value === undefined) return 'dev';
  const stage = deploymentStages.find((known) => known === value);
  if (!stage) {
    throw new Error(
      `Unknown stage ${JSON.stringify(value)}: expected one of ${deploymentStages.join(', ')}.`,
    );
  }
  return stage;
}

/**
 * The tag every Tessera KMS key carries (`tessera:stage=<stage>`). IAM policies grant key use on
 * this tag, so a function of one stage can never sign with another stage's key.
 */
export const keyStageTag = 'tessera:stage';

/** Prefix of the KMS aliases a stage creates, as `KMS_ALIAS_PREFIX` expects (`alias/…/`). */
export function kmsAliasPrefix(stage: DeploymentStage): string {
  return `alias/tessera-${stage}/`;
}

/**
 * Request throttling of the API stage, for all routes and clients together: `rateLimit`
 * requests a second on average, bursts of `burstLimit`. API Gateway enforces it in AWS; the
 * local gateway enforces the same numbers (`infra/local/http-gateway.ts`). Per-client limits
 * come in front of it ({@link apiClientThrottle}) and on top, in the API itself.
 */
export const apiStageThrottle = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * The per-client rule in front of the stage throttle: each source address (an IPv6 client by
 * its /64) may take a quarter of the stage's rate and burst, and a request refused by it takes
 * nothing from the stage's bucket, so one client alone cannot exhaust the stage for everyone.
 * The local gateway enforces it; in AWS it is a WAF rate-based rule on a CloudFront
 * distribution in front of the API (docs/protection.md, "Rate limits"), which this repository
 * describes but does not build.
 */
export const apiClientThrottle = { rateLimit: 25, burstLimit: 50 } as const;

/** A stage throttle as API Gateway takes it (and the local gateway). */
export interface StageThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}
