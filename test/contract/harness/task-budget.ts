// The most tasks one run may start, shared by every test file. Workers are separate processes,
// so the budget lives in the run directory global-setup.ts creates: a request that could start a
// task claims slot N first by creating `slot-N.json` exclusively (atomic across processes). A 4xx
// answer started nothing, so its slot is given back; any other outcome keeps it, because a task
// may exist. At any moment, tasks started <= slots held <= the budget. Every task started is
// written into its slot, so the run's teardown and the parity report can list them.
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartedTask {
  id: string;
  url?: string;
  html_url?: string;
  test: string;
}

export interface Reservation {
  slot: number;
  record(task: StartedTask): void;
  /** The request was refused (4xx): nothing started, the slot is free again. */
  release(): void;
}

export interface TaskBudget {
  readonly max: number;
  /** Claims one slot, or undefined when the budget is spent. */
  reserve(test: string): Reservation | undefined;
}

const SLOT = /^slot-(\d+)\.json$/;

export function createTaskBudget(runDir: string, max: number): TaskBudget {
  return {
    max,
    reserve(test) {
      for (let slot = 1; slot <= max; slot++) {
        const path = join(runDir, `slot-${slot}.json`);
        let fd: number;
        try {
          fd = openSync(path, 'wx');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw error;
        }
        writeFileSync(fd, JSON.stringify({ test, task: null }));
        closeSync(fd);
        return {
          slot,
          record: (task) => writeFileSync(path, JSON.stringify({ test, task })),
          release: () => rmSync(path, { force: true }),
        };
      }
      return undefined;
    },
  };
}

/** Tasks started during the run, in slot order; slots whose request started nothing are left out. */
export function readStartedTasks(runDir: string): StartedTask[] {
  return readdirSync(runDir)
    .map((name) => SLOT.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => (JSON.parse(readFileSync(join(runDir, m[0]), 'utf8')) as { task: StartedTask | null }).task)
    .filter((t): t is StartedTask => t !== null);
}

/** Slots still held: tasks started, plus requests whose outcome left that possible. */
export function countReservations(runDir: string): number {
  return readdirSync(runDir).filter((name) => SLOT.test(name)).length;
}
