import type { Clock } from '../engine/clock.js';
import type { Lifecycle } from '../engine/lifecycle.js';
import type { IdSource } from '../support/ids.js';
import type { TaskStore } from '../store/task-store.js';
import type { Account, Directory, Token } from './directory.js';

/** Everything one tenant's operations act on. */
export interface World {
  directory: Directory;
  store: TaskStore;
  clock: Clock;
  ids: IdSource;
  lifecycle: Lifecycle;
}

/** The authenticated caller: the token presented and the user it belongs to. */
export interface Caller {
  user: Account;
  token: Token;
}
