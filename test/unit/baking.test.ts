import { createDeflate } from 'node:zlib';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { describe, expect, it } from 'vitest';
import {
  BakedCredentialTooLargeError,
  bakePng,
  bakedTextLimit,
  generatedBadgePng,
  PNG_KEYWORD,
  unbakePng,
} from '../../functions/core/issuance/baking';

/** zlib data that inflates to `megabytes` MB of spaces, made without holding them in memory. */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1_000_000, ' ');
  for (let index = 0; index < megabytes; index += 1)
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A PNG whose `openbadgecredential` iTXt chunk holds `text`, compressed (flag 1, method 0). */
async function pngWithCompressedItxt(text: Buffer): Promise<Buffer> {
  const chunks = extractChunks(await generatedBadgePng('bomb'));
  const header = Buffer.from(`${PNG_KEYWORD}\u0000\u0001\u0000\u0000\u0000`, 'latin1');
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data: Buffer.concat([header, text]) });
  return Buffer.from(encodeChunks(chunks));
}

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
