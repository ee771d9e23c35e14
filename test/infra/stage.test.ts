import { describe, expect, it } from 'vitest';
import { configSchema } from '../../functions/composition/config';
import { kmsAliasPrefix, parseStage } from '../../infra/stage';

describe('parseStage', () => {
  it('defaults to dev when no stage is given', () => {
    // Prepare
    const context: unknown = undefined;

    // Act
    const stage = parseStage(context);

    // Assess
    expect(stage).toBe('dev');
  });

  it('accepts prod when the context names it', () => {
    // Prepare
    const context: unknown = 'prod';

    // Act
    const stage = parseStage(context);

    // Assess
    expect(stage).toBe('prod');
  });

  it('stops synthesis when the stage is unknown', () => {
    // Prepare
    const context: unknown = 'staging';

    // Act
    const parse = () => parseStage(context);

    // Assess
    expect(parse).toThrow('Unknown stage "staging": expected one of dev, prod.');
  });
});

describe('kmsAliasPrefix', () => {
  it('passes the runtime validation of KMS_ALIAS_PREFIX when built for a stage', () => {
    // Prepare
    const runtimeRule = configSchema.shape.KMS_ALIAS_PREFIX;

    // Act
    const prefix = kmsAliasPrefix('prod');

    // Assess
    expect(runtimeRule.parse(prefix)).toBe('alias/tessera-prod/');
  });
});
