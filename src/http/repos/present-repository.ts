import type { Repository } from '../../model/directory.js';
import { presentSimpleUser } from './present-account.js';
import type { Bases, FullRepositoryBody, RepositoryBody } from './github-shapes.js';

/** GitHub's legacy global id of a repository: base64 of "010:Repository<id>". */
export function repositoryNodeId(id: number): string {
  return Buffer.from(`010:Repository${id}`).toString('base64');
}

/** Counts and times the emulator makes up for a repository (it keeps no code, stars or forks). */
export interface RepositoryFacts {
  openIssues: number;
  /** ISO timestamps. */
  createdAt: string;
  pushedAt: string;
  updatedAt: string;
}

/** The `repository` shape (inside a pull request's head and base). */
export function presentRepository(repo: Repository, facts: RepositoryFacts, bases: Bases): RepositoryBody {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const url = `${bases.api}/repos/${fullName}`;
  const html = `${bases.web}/${fullName}`;
  const host = new URL(bases.web).host;
  return {
    id: repo.id,
    node_id: repositoryNodeId(repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: presentSimpleUser(repo.owner, bases),
    html_url: html,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: facts.openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    // Removed from the 2026-03-10 answers, with the fields below it (http/repos/versioned-body.ts).
    has_downloads: true,
    has_discussions: false,
    has_pull_requests: true,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: facts.pushedAt,
    created_at: facts.createdAt,
    updated_at: facts.updatedAt,
    license: null,
    forks: 0,
    open_issues: facts.openIssues,
    watchers: 0,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    anonymous_access_enabled: false,
  };
}

/** GET /repos/{owner}/{repo}: the `full-repository` shape, with the caller's permissions. */
export function presentFullRepository(repo: Repository, facts: RepositoryFacts, canPush: boolean, bases: Bases): FullRepositoryBody {
  const { has_downloads, ...base } = presentRepository(repo, facts, bases);
  return {
    ...base,
    has_downloads,
    has_discussions: false,
    pushed_at: facts.pushedAt,
    created_at: facts.createdAt,
    updated_at: facts.updatedAt,
    permissions: { admin: canPush && repo.owner.type === 'User', maintain: canPush, push: canPush, triage: canPush, pull: true },
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    temp_clone_token: null,
    network_count: 0,
    subscribers_count: 0,
    anonymous_access_enabled: false,
    ...(repo.owner.type === 'Organization' ? { organization: presentSimpleUser(repo.owner, bases) } : {}),
  };
}
