import type { Directory } from '../model/directory.js';
import type { TaskRecord } from '../model/task-record.js';
import { describeCause, type HistoryEntry } from '../engine/task-history.js';
import type { Logger } from '../support/logger.js';

/** What a tenant's engine tells whoever logs: a task's change, as its history records it. */
export type HistoryListener = (tenant: string, task: TaskRecord, entry: HistoryEntry) => void;

/**
 * Logs a task's life beside the requests (info): started (scenario and why), each change of
 * state (from, to, cause, emulator time), and a pull request or branch produced.
 */
export function logLifecycle(logger: Logger, directory: Directory): HistoryListener {
  const loginOf = (id: number) => {
    for (const account of directory.accounts.values()) if (account.id === id) return account.login;
    return undefined;
  };
  return (tenant, task, entry) => {
    const base = { tenant, user: loginOf(task.creatorId), task_id: task.id };
    const at = new Date(entry.at).toISOString();
    const cause = entry.cause;
    if (cause.kind === 'created') {
      logger.info('task started', { ...base, repository: `${task.ownerLogin}/${task.repositoryName}`, scenario: cause.scenario, chosen_by: cause.chosenBy, at });
    } else {
      logger.info('task state changed', { ...base, from: entry.from, to: entry.to, cause: describeCause(cause), cause_kind: cause.kind, at });
    }
    const produced = entry.produced;
    if (produced?.type === 'pull') logger.info('pull request produced', { ...base, pull_request_id: produced.data.id, at });
    else if (produced?.type === 'branch') logger.info('branch produced', { ...base, head_ref: produced.data.head_ref, base_ref: produced.data.base_ref, at });
  };
}
