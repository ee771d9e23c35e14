import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emailHash } from '../../functions/core/issuance/model';
import { confusableEmail, normaliseEmail } from '../../functions/core/shared/email';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the normal form of email addresses', () => {
  it('hashes a plain ASCII address as credentials already issued have it: trimmed, lower-cased', () => {
    expect(emailHash('  Ada.Lovelace@Example.ORG ')).toBe(sha256('ada.lovelace@example.org'));
  });

  it('composes what NFC composes before comparing', () => {
    expect(normaliseEmail('Jose\u0301@example.org')).toBe(normaliseEmail('Jos\u00e9@example.org'));
  });

  it('refuses forms that could pass for another address, and accepts one-script ones', () => {
    const refused = [
      '\u212Aelvin@example.org', // Kelvin sign
      '\uFF41da@example.org', // fullwidth a
      'p\u0430ypal@example.org', // Cyrillic a among Latin letters
      'ada\u200D@example.org', // zero-width joiner
      'ada@ex\u202Eample.org', // right-to-left override
    ];
    const accepted = [
      'kelvin@example.org',
      'jos\u00e9@example.org',
      '\u0430\u0434\u0430@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444',
      '\u5c71\u7530\u305f\u308d\u3046@example.jp',
    ];

    expect(refused.map(confusableEmail).filter((problem) => problem === null)).toEqual([]);
    expect(accepted.map(confusableEmail)).toEqual(accepted.map(() => null));
  });
});
