import { describe, expect, it } from 'vitest';
import { deflatedSpaces, pngWithCompressedItxt } from '../support/costly-credentials';
import {
  BakedCredentialTooLargeError,
  bakePng,
  bakeSvg,
  bakedTextLimit,
  generatedBadgeSvg,
  generatedBadgePng,
  SVG_NAMESPACE,
  unbakePng,
  unbakeSvg,
} from '../../functions/core/credential/baking';

describe('reading a credential baked in a PNG', () => {
  it('refuses a compressed iTXt chunk that inflates past the limit, without inflating it all', async () => {
    const bomb = await pngWithCompressedItxt(await deflatedSpaces(150));

    const read = unbakePng(bomb);

    expect(bomb.length).toBeLessThan(200_000);
    await expect(read).rejects.toBeInstanceOf(BakedCredentialTooLargeError);
    await expect(read).rejects.toMatchObject({ code: 'CREDENTIAL_TOO_LARGE' });
  });

  it('reads a compressed baked credential within the limit, and an uncompressed one', async () => {
    const credential = JSON.stringify({ id: 'urn:uuid:1', name: 'x'.repeat(10_000) });
    const { deflateSync } = await import('node:zlib');

    const compressed = await unbakePng(await pngWithCompressedItxt(deflateSync(credential)));
    const plain = await unbakePng(await bakePng(await generatedBadgePng('plain'), credential));

    expect(compressed).toBe(credential);
    expect(plain).toBe(credential);
    expect(credential.length).toBeLessThan(bakedTextLimit);
  });
});

describe('reading a credential baked in an SVG', () => {
  const badge = generatedBadgeSvg('Data Literacy', 'Elsewhere University', 'seed');
  /** Runs `read` and counts the turns of the event loop that happen while it runs. */
  const countingTurns = async <T>(read: () => Promise<T> | T) => {
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 0);
    try {
      return { result: await read(), turns };
    } finally {
      clearInterval(timer);
    }
  };

  it('reads the JSON-LD and the JWS forms it bakes', async () => {
    const json = JSON.stringify({ id: 'urn:uuid:1', name: 'a ]]> b <c> & d' });

    expect(await unbakeSvg(bakeSvg(badge, { json }))).toBe(json);
    expect(await unbakeSvg(bakeSvg(badge, { jws: 'aaa.bbb.ccc' }))).toBe('aaa.bbb.ccc');
  });

  it('reads repeated, unclosed, deep and wide markup in one pass, letting the event loop turn', async () => {
    const start = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${SVG_NAMESPACE}">`;
    const unclosed = `${start}${'<openbadges:credential>'.repeat(40_000)}`;
    const deep = `${start}${'<g>'.repeat(300_000)}<openbadges:credential>{}`;
    const wide = `${start}${'<g a="1"></g>'.repeat(100_000)}</svg>`;

    const results = await Promise.all([unclosed, deep].map((svg) => unbakeSvg(svg)));
    const whole = await countingTurns(() => unbakeSvg(wide));

    expect(results).toEqual([null, null]);
    expect(whole.result).toBeNull();
    expect(whole.turns).toBeGreaterThan(0);
  });

  it('expands no entity of a DTD and refuses a baked text over the limit', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns:openbadges="${SVG_NAMESPACE}"><openbadges:credential>&c;&c;&c;</openbadges:credential></svg>`;
    const huge = bakeSvg(badge, { json: 'x'.repeat(bakedTextLimit + 1) });

    expect(await unbakeSvg(laughs)).toBeNull();
    await expect(unbakeSvg(huge)).rejects.toBeInstanceOf(BakedCredentialTooLargeError);
  });
});
