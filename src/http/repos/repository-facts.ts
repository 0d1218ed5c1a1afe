import type { Repository } from '../../model/directory.js';
import type { World } from '../../domain/world.js';
import type { IsoSeconds } from '../shared/iso-seconds.js';
import type { RepositoryFacts } from './present-repository.js';

/**
 * The counts and times a repository answer shows, from what the emulator keeps: open pull
 * requests count as open issues (GitHub counts both), the last push is the last pull request
 * change, and creation is a fixed moment derived from the id (the fixtures have no dates).
 */
export function repositoryFacts(world: World, repo: Repository, iso: IsoSeconds): RepositoryFacts {
  const createdAt = Date.UTC(2011, 0, 26) + (repo.id % 1000) * 60_000;
  // A loop, not Math.max(...): a repository may hold more pull requests than a call takes arguments.
  let pushed = Math.max(createdAt, world.work.branch(repo.id, repo.defaultBranch)?.updatedAt ?? 0);
  let open = 0;
  for (const p of world.work.pulls(repo.id)) {
    if (p.updatedAt > pushed) pushed = p.updatedAt;
    if (p.state === 'open') open++;
  }
  return {
    openIssues: open,
    createdAt: iso(createdAt),
    pushedAt: iso(pushed),
    updatedAt: iso(pushed),
  };
}
