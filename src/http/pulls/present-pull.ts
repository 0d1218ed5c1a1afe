import type { Account, Repository } from '../../model/directory.js';
import type { BranchRecord, PullRequestRecord } from '../../model/work-records.js';
import type { IsoSeconds } from '../shared/iso-seconds.js';
import { presentCopilotBot, presentSimpleUser } from '../repos/present-account.js';
import { presentRepository, type RepositoryFacts } from '../repos/present-repository.js';
import type { Bases, PullRequestBody, PullRequestSimpleBody, RepositoryBody } from '../repos/github-shapes.js';
import type { FieldRemover } from '../repos/versioned-body.js';

export interface PullContext {
  repo: Repository;
  facts: RepositoryFacts;
  bases: Bases;
  iso: IsoSeconds;
  /** The API version the client selected, for the fields it no longer has. */
  version: string;
  remove: FieldRemover;
  /** Accounts by id (reviewers, who merged). */
  account: (id: number) => Account | undefined;
}

/** A pull request as `pulls/list` shows it (`pull-request-simple`). */
export function presentPullSimple(pull: PullRequestRecord, ctx: PullContext): PullRequestSimpleBody {
  const body: PullRequestSimpleBody = simpleOf(pull, ctx);
  return ctx.remove(ctx.version, 'pull-request-simple', body);
}

/** What both shapes share; each presenter checks it against its own generated type. */
function simpleOf(pull: PullRequestRecord, ctx: PullContext) {
  const { repo, bases, iso } = ctx;
  const fullName = `${repo.owner.login}/${repo.name}`;
  const api = `${bases.api}/repos/${fullName}`;
  const url = `${api}/pulls/${pull.number}`;
  const html = `${bases.web}/${fullName}/pull/${pull.number}`;
  const repository = ctx.remove(ctx.version, 'repository', presentRepository(repo, ctx.facts, bases)) as RepositoryBody;
  const owner = presentSimpleUser(repo.owner, bases);
  const end = (ref: string, sha: string) => ({ label: `${repo.owner.login}:${ref}`, ref, sha, user: owner, repo: repository });
  const reviewers = pull.reviewerIds.flatMap((id) => {
    const a = ctx.account(id);
    return a ? [presentSimpleUser(a, bases)] : [];
  });
  return {
    url,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: presentCopilotBot(bases),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: iso(pull.createdAt),
    updated_at: iso(pull.updatedAt),
    closed_at: pull.closedAt === null ? null : iso(pull.closedAt),
    merged_at: pull.mergedAt === null ? null : iso(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: reviewers,
    requested_teams: [],
    head: end(pull.headRef, pull.headSha),
    base: end(pull.baseRef, pull.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: 'NONE' as const,
    auto_merge: null,
    draft: pull.draft,
  };
}

/** A pull request as `pulls/get` shows it (`pull-request`). */
export function presentPull(pull: PullRequestRecord, head: BranchRecord | undefined, ctx: PullContext): PullRequestBody {
  const simple = simpleOf(pull, ctx);
  const mergedBy = pull.mergedById === null ? undefined : ctx.account(pull.mergedById);
  const open = pull.state === 'open';
  const body: PullRequestBody = {
    ...simple,
    state: pull.state,
    user: presentCopilotBot(ctx.bases),
    merged: pull.merged,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? (pull.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: mergedBy ? presentSimpleUser(mergedBy, ctx.bases) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: head ? 1 : 0,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
  return ctx.remove(ctx.version, 'pull-request', body);
}
