import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux only; undefined
 * elsewhere). Divided by the requests served, it is what a request costs the server, which on two
 * shared cores a throughput figure mixes with the load generator's own cost.
 */
export function processCpuMs(pid: number): number | undefined {
  const split = processCpuSplitMs(pid);
  return split && split.userMs + split.systemMs;
}

/** The same, as user and system time apart: the system part holds the socket writes and the wake-ups of the load generator. */
export function processCpuSplitMs(pid: number): { userMs: number; systemMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // USER_HZ is 100 on Linux
    return { userMs: Number(fields[11]) * 10, systemMs: Number(fields[12]) * 10 };
  } catch {
    return undefined;
  }
}
