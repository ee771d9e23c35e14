import '../../infra/local/quiet-warnings';
import { loadavg } from 'node:os';
import { benchGroups } from './groups';
import { progress } from './report';

/**
 * `npm run bench [-- group…]`: runs the benchmark groups (those whose name contains one of the
 * arguments, or all) and prints each figure as one JSON line on stdout. Figures are measured,
 * never judged: nothing here fails because a number is high.
 */
const filters = process.argv.slice(2);
const selected = filters.length
  ? benchGroups.filter((group) => filters.some((filter) => group.name.includes(filter)))
  : benchGroups;

// Ctrl-C: leave through 'exit', where DynamoDB Local's Java process is killed.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

if (selected.length === 0) {
  progress(
    `no group matches ${filters.join(', ')}; groups: ${benchGroups.map((group) => group.name).join(', ')}`,
  );
  process.exitCode = 2;
}
for (const group of selected) {
  const started = performance.now();
  // Other work on the machine moves every figure; the load average says how busy it was.
  progress(`${group.name}: ${group.description} (load average ${loadavg()[0]!.toFixed(2)})`);
  try {
    for await (const figure of group.run()) {
      process.stdout.write(`${JSON.stringify({ ...figure, group: group.name })}\n`);
    }
    progress(`${group.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken group must not hide the others' figures.
    console.error(`[bench] ${group.name} failed:`, error);
    process.exitCode = 1;
  }
}
