import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load-fixtures.js';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { buildTask } from './agent-tasks.js';

describe('buildTask', () => {
  it('draws another id when the stream gives one a stored task already has', () => {
    const { directory } = loadFixtures();
    const repo = directory.repositories.get('octocat/hello-world')!;
    const user = directory.accounts.get('octocat')!;
    const drawn = ['session-1', 'taken', 'fresh'];
    const ids = { uuid: () => drawn.shift()!, requestId: () => 'r', shortHex: () => 'abcd', serial: () => 1 };
    const store = createMemoryTaskStore();
    store.insert({ ...buildTask({ ids: { ...ids, uuid: () => 'taken' }, store }, repo, user, { prompt: 'old', createPullRequest: false }, 0) });
    const task = buildTask({ ids, store }, repo, user, { prompt: 'new', createPullRequest: false }, 0);
    expect(task.id).toBe('fresh');
    expect(task.sessions[0]!.id).toBe('session-1');
  });
});
