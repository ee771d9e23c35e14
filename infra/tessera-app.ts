import { Tags, Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';
import type { DeploymentStage } from './stage';

/** Options of {@link addTesseraStacks}. */
export interface TesseraAppOptions {
  readonly stage: DeploymentStage;
  /**
   * Account and region to deploy to.
   * @default - environment-agnostic stacks
   */
  readonly env?: Environment;
}

/** The two stacks of one stage. */
export interface TesseraStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Adds one stage of Tessera to `app` and checks the whole app with cdk-nag's AWS Solutions
 * rules: synthesis fails on any finding that is not acknowledged, with a reason, in code. The
 * CDK entry point and the infrastructure tests both build the app through here.
 */
export function addTesseraStacks(app: App, options: TesseraAppOptions): TesseraStacks {
  const { stage, env } = options;
  const production = stage === 'prod';
  const prefix = `Tessera-${stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    stage,
    env,
    description: `Tessera ${stage}: table, evidence bucket, user pool (data that outlives deploys)`,
    terminationProtection: production,
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    stage,
    env,
    description: `Tessera ${stage}: functions, HTTP API, stream worker, alarms`,
    table: stateful.table,
    evidence: stateful.evidence,
    userPool: stateful.identity.userPool,
    userPoolClient: stateful.identity.userPoolClient,
  });

  Tags.of(app).add('project', 'tessera');
  Tags.of(app).add('stage', stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, stateless };
}
