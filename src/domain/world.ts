import type { Clock } from '../engine/clock.js';
import type { Lifecycle } from '../engine/lifecycle.js';
import type { IdSource } from '../support/ids.js';
import type { Random } from '../support/random.js';
import type { TaskStore } from '../store/task-store.js';
import type { Account, Directory, Token } from '../model/directory.js';
import type { WorkStore } from './work/work-store.js';

/** Everything one tenant's operations act on. */
export interface World {
  directory: Directory;
  store: TaskStore;
  clock: Clock;
  ids: IdSource;
  /** Seeded randomness for jitter and made-up numbers (usage, pull request ids). */
  random: Random;
  lifecycle: Lifecycle;
  /**
   * Runs `fn` as one change: every part of it is kept (saved, with --state-file) or, when saving
   * fails, none of it, and the error is thrown.
   */
  atomically<T>(fn: () => T): T;
  /** The pull requests and branches tasks left in their repositories. */
  work: WorkStore;
}

/** The authenticated caller: the token presented and the user it belongs to. */
export interface Caller {
  user: Account;
  token: Token;
}
