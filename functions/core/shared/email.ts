/**
 * One normal form for email addresses, used wherever addresses are compared or hashed (a
 * credential's recipient, a learner's token, a verifier's recipient check), documented in
 * docs/decisions.md ("Email addresses").
 *
 * The normal form is the address trimmed, in Unicode NFC, lower-cased. For plain ASCII that is
 * trimmed and lower-cased, as before, so the recipient hashes of credentials already issued do
 * not change.
 *
 * Addresses that could pass for another are refused rather than folded onto it: characters
 * that NFKC would replace (the Kelvin sign for K, fullwidth letters, ligatures), invisible
 * format characters (zero-width joiners, bidirectional controls), and letters of more than one
 * script within the local part or a domain label (Latin with Cyrillic or Greek look-alikes). Han may go with Hiragana and Katakana
 * (Japanese) or with Hangul (Korean). Writing this by hand, with Unicode property escapes:
 * the npm confusable-detection packages compare against a skeleton table, a different question
 * (whether two strings look alike), and are much larger.
 */

/** The normal form of an address (see the module comment). */
export function normaliseEmail(address: string): string {
  return address.trim().normalize('NFC').toLowerCase();
}

const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Thai',
  'Georgian',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
  'Ethiopic',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Gujarati',
  'Gurmukhi',
] as const;
const scriptPatterns = scripts.map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const,
);
/** Scripts that are written together. */
const compatible: readonly (readonly string[])[] = [
  ['Han', 'Hiragana', 'Katakana'],
  ['Han', 'Hangul'],
];

/**
 * Why `address` may be mistaken for another address (a sentence for the refusal), or null when
 * it is in a form that cannot: no compatibility or canonical variants, no invisible
 * characters, letters of one script (or of scripts written together).
 */
export function confusableEmail(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed.normalize('NFKC') !== trimmed)
    return 'has characters that stand for others (such as the Kelvin sign for K, or fullwidth letters)';
  if (/\p{Cf}/u.test(trimmed)) return 'has invisible formatting characters';
  // Scripts are checked per part, as IDNA checks each label: the local part, each domain label.
  const parts = trimmed.split(/[@.]/);
  return parts.some(mixesScripts) ? 'mixes letters of different scripts' : null;
}

/** Whether `part` has letters of two scripts not written together. */
function mixesScripts(part: string): boolean {
  const used = new Set<string>();
  for (const char of part) {
    if (!/\p{L}/u.test(char)) continue;
    used.add(scriptPatterns.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  if (used.size <= 1) return false;
  return !compatible.some((group) => [...used].every((script) => group.includes(script)));
}
