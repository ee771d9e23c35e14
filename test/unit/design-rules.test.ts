import { describe, expect, it } from 'vitest';
import {
  createMicroCredentialInput,
  editOutcome,
  updateMicroCredentialInput,
} from '../../functions/core/designs/model';
import { ValidationError } from '../../functions/core/shared/errors';
import { parseInput } from '../../functions/core/shared/validation';
import { designInput } from '../support/builders';

describe('design rules', () => {
  it('edits in place when the design is a draft or has changes requested', () => {
    expect(editOutcome('DRAFT')).toEqual({ kind: 'in-place' });
    expect(editOutcome('CHANGES_REQUESTED')).toEqual({ kind: 'in-place' });
  });

  it('starts a new version when the design is approved, published or rejected', () => {
    for (const status of ['APPROVED', 'PUBLISHED', 'REJECTED'] as const) {
      expect(editOutcome(status)).toEqual({ kind: 'new-version' });
    }
  });

  it('refuses edits with a stable code when the design is in review or retired', () => {
    expect(editOutcome('IN_REVIEW')).toMatchObject({ kind: 'refused', code: 'DESIGN_IN_REVIEW' });
    expect(editOutcome('RETIRED')).toMatchObject({ kind: 'refused', code: 'DESIGN_RETIRED' });
  });

  it('applies defaults and normalises text when the input is valid', () => {
    const parsed = parseInput(
      createMicroCredentialInput,
      designInput('inst-1', {
        name: '  Data Literacy  ',
        achievementType: undefined,
        tags: undefined,
      }),
    );

    expect(parsed.name).toBe('Data Literacy');
    expect(parsed.achievementType).toBe('MicroCredential');
    expect(parsed.tags).toEqual([]);
  });

  it('names each offending field when the input is invalid', () => {
    const attempt = () =>
      parseInput(
        createMicroCredentialInput,
        designInput('inst-1', {
          name: 'x'.repeat(201),
          language: 'english!!',
          workload: { ects: 0.3 },
          components: { educational: { title: 'Only one' } },
          unknownField: true,
        }),
      );

    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as ValidationError).fields.map((field) => field.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'input.name',
          'input.language',
          'input.workload.ects',
          'input.components.educational.criteria',
          'input.components.demonstration',
          'input',
        ]),
      );
    }
  });

  it('refuses control characters when they are hidden in text', () => {
    expect(() =>
      parseInput(createMicroCredentialInput, designInput('inst-1', { description: 'ok\u0000bad' })),
    ).toThrow(ValidationError);
  });

  it('refuses an empty update when no field changes', () => {
    expect(() => parseInput(updateMicroCredentialInput, {})).toThrow(ValidationError);
  });
});
