import { TERMINAL_STATES, type TaskState } from '../model/task-record.js';

/**
 * Legal moves of a session's state (docs/lifecycle.md draws the same table). Terminal states lead
 * nowhere: further work on a task opens a new session instead.
 */
export const TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  queued: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'failed', 'timed_out', 'waiting_for_user', 'idle', 'cancelled'],
  waiting_for_user: ['in_progress', 'completed', 'failed', 'timed_out', 'cancelled'],
  idle: ['in_progress', 'completed', 'failed', 'timed_out', 'cancelled'],
  completed: [],
  failed: [],
  timed_out: [],
  cancelled: [],
};

export function canMove(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}

/** Why a move is refused, worded for the person who asked for it. */
export function refusal(from: TaskState, to: TaskState): string {
  const legal = TRANSITIONS[from];
  return legal.length === 0
    ? `Cannot move a task from ${from} to ${to}: ${from} is terminal (answer or follow up to open a new session)`
    : `Cannot move a task from ${from} to ${to}: from ${from} a task can move to ${legal.join(', ')}`;
}
