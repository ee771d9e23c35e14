import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own flattening, so the finding ids below are spelt exactly as cdk-nag reports them.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding accepted on purpose, with the reason a reviewer can check. */
export interface NagAcknowledgement {
  /** Rule id, with the finding in brackets for granular rules: `AwsSolutions-IAM5[Resource::*]`. */
  readonly id: string;
  readonly reason: string;
}

/**
 * Acknowledges cdk-nag findings on `scope` and everything below it. cdk-nag 3 reads these from
 * CDK's native `Validations` metadata; each finding is named exactly, so a new wildcard added
 * later is reported rather than silently covered.
 */
export function acknowledgeNagFindings(scope: IConstruct, ...findings: NagAcknowledgement[]) {
  Validations.of(scope).acknowledge(...findings);
}

/**
 * The id of the AwsSolutions-IAM5 finding that a wildcard `resource` produces. Only for values of
 * `scope`'s own stack: a value from another stack becomes an `Fn::ImportValue` at synthesis, and
 * its spelling is not known while the app is being built.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}
