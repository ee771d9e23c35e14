import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import * as z from 'zod';
import type { DeploymentStage } from '../../infra/stage';
import { addTesseraStacks, type TesseraStacks } from '../../infra/tessera-app';

/** The feature flags `cdk synth` runs with, so the tests build the same templates. */
const cdkJson = z
  .object({ context: z.record(z.string(), z.unknown()) })
  .parse(JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')));

export interface SynthesizedStage extends TesseraStacks {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

const synthesized = new Map<DeploymentStage, SynthesizedStage>();

/**
 * The app of one stage, synthesized once per test file and stage. Bundling is skipped (the
 * assertions read templates, not code), so no esbuild runs. Synthesis itself runs cdk-nag, as
 * `cdk synth` does, and throws on an unacknowledged finding.
 */
export function synthesizeStage(stage: DeploymentStage): SynthesizedStage {
  let result = synthesized.get(stage);
  if (!result) {
    const app = new App({
      context: { ...cdkJson.context, stage, 'aws:cdk:bundling-stacks': [] },
    });
    const stacks = addTesseraStacks(app, { stage });
    result = {
      app,
      ...stacks,
      statefulTemplate: Template.fromStack(stacks.stateful),
      statelessTemplate: Template.fromStack(stacks.stateless),
    };
    synthesized.set(stage, result);
  }
  return result;
}

/** cdk-nag AWS Solutions findings under `scope` that nobody acknowledged, as `rule at path`. */
export function unacknowledgedNagFindings(scope: IConstruct): string[] {
  return new AwsSolutionsChecks()
    .validateScope(scope)
    .violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.ruleName} at ${resource.constructPath ?? '?'}`,
      ),
    );
}

/** The one resource of `type` whose logical id starts with `prefix`. */
export function resourceNamed(
  template: Template,
  type: string,
  prefix: string,
): { logicalId: string; properties: Record<string, unknown> } {
  const matches = Object.entries(template.findResources(type)).filter(([logicalId]) =>
    logicalId.startsWith(prefix),
  );
  if (matches.length !== 1) {
    throw new Error(`expected one ${type} named ${prefix}*, found ${matches.length}`);
  }
  const [logicalId, resource] = matches[0]!;
  return { logicalId, properties: z.record(z.string(), z.unknown()).parse(resource.Properties) };
}
