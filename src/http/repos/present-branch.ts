import type { Repository } from '../../model/directory.js';
import type { BranchRecord } from '../../model/work-records.js';
import type { IsoSeconds } from '../shared/iso-seconds.js';
import { COPILOT_BOT, presentCopilotBot, presentSimpleUser } from './present-account.js';
import type { Bases, BranchBody, GitRefBody } from './github-shapes.js';

/** A branch's head commit was written by the agent unless it is the default branch (its owner's). */
function authorOf(repo: Repository, branch: BranchRecord, bases: Bases) {
  if (branch.name === repo.defaultBranch) {
    const a = repo.owner;
    return { user: presentSimpleUser(a, bases), git: { name: a.login, email: `${a.id}+${a.login}@users.noreply.github.com` } };
  }
  return {
    user: presentCopilotBot(bases),
    git: { name: `${COPILOT_BOT.appSlug}[bot]`, email: `${COPILOT_BOT.id}+${COPILOT_BOT.login}@users.noreply.github.com` },
  };
}

/** GET /repos/{owner}/{repo}/branches/{branch} (`branch-with-protection`); no branch is protected. */
export function presentBranch(repo: Repository, branch: BranchRecord, bases: Bases, iso: IsoSeconds): BranchBody {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const api = `${bases.api}/repos/${fullName}`;
  const author = authorOf(repo, branch, bases);
  const date = iso(branch.updatedAt);
  const name = encodeURIComponent(branch.name);
  return {
    name: branch.name,
    commit: {
      url: `${api}/commits/${branch.sha}`,
      sha: branch.sha,
      node_id: Buffer.from(`06:Commit${repo.id}:${branch.sha}`).toString('base64'),
      html_url: `${bases.web}/${fullName}/commit/${branch.sha}`,
      comments_url: `${api}/commits/${branch.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${branch.sha}`,
        author: { ...author.git, date },
        committer: { name: 'GitHub', email: 'noreply@github.com', date },
        message: branch.name === repo.defaultBranch ? 'Initial commit' : `Changes from Copilot on ${branch.name}`,
        tree: { sha: branch.sha.split('').reverse().join(''), url: `${api}/git/trees/${branch.sha.split('').reverse().join('')}` },
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      author: author.user,
      committer: null,
      parents: [],
    },
    _links: { self: `${api}/branches/${name}`, html: `${bases.web}/${fullName}/tree/${branch.name}` },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
    protection_url: `${api}/branches/${name}/protection`,
  };
}

/** GET /repos/{owner}/{repo}/git/ref/heads/{branch} (`git-ref`). */
export function presentBranchRef(repo: Repository, branch: BranchRecord, bases: Bases): GitRefBody {
  const api = `${bases.api}/repos/${repo.owner.login}/${repo.name}`;
  const ref = `refs/heads/${branch.name}`;
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
    url: `${api}/git/${ref}`,
    object: { type: 'commit', sha: branch.sha, url: `${api}/git/commits/${branch.sha}` },
  };
}
