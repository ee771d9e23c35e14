import '../../infra/local/quiet-warnings';
import { loadavg } from 'node:os';
import { benchGroups } from './groups';
import { progress, type Figure } from './report';

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
const targets: Figure[] = [];
for (const group of selected) {
  const started = performance.now();
  // Other work on the machine moves every figure; the load average says how busy it was.
  progress(`${group.name}: ${group.description} (load average ${loadavg()[0]!.toFixed(2)})`);
  try {
    for await (const figure of group.run()) {
      process.stdout.write(`${JSON.stringify({ ...figure, group: group.name })}\n`);
      if (figure.verdict) targets.push(figure);
    }
    progress(`${group.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken group must not hide the others' figures.
    console.error(`[bench] ${group.name} failed:`, error);
    process.exitCode = 1;
  }
}

// Every target of the run, labelled, on stderr (stdout keeps one figure a line).
if (targets.length > 0) {
  const passed = targets.filter((figure) => figure.verdict === 'PASS').length;
  progress(
    `targets: ${passed} of ${targets.length} met (load average ${loadavg()[0]!.toFixed(2)})`,
  );
  for (const figure of targets) {
    const line = `${String(figure.verdict).padEnd(4)}  ${figure.name.padEnd(44)} ${String(figure.value).padStart(8)}  target ${String(figure.target).padEnd(10)}  ${String(figure.targetLabel)}`;
    console.error(`  ${line}`);
  }
}
