import { readFileSync } from 'node:fs';

/**
 * Linux reports a process's CPU time in clock ticks of USER_HZ, which is 100 on every
 * architecture Node runs on (the kernel's ABI, whatever its own HZ); Node offers no sysconf.
 */
const ticksPerSecond = 100;

/** CPU time, user plus system, in ms: of this process, or of process `pid` (from /proc). */
export function cpuTimeMs(pid?: number): number | undefined {
  if (pid === undefined) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
