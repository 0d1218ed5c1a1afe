import type { Account } from '../../model/directory.js';
import type { Bases, PrivateUserBody, SimpleUserBody } from './github-shapes.js';

/**
 * The account GitHub shows as the author of the pull requests its cloud agent opens: the bot
 * "Copilot" of the copilot-swe-agent app, as the REST API answers it (docs/fidelity.md cites it).
 */
export const COPILOT_BOT = {
  login: 'Copilot',
  id: 198982749,
  nodeId: 'BOT_kgDOC9w8XQ',
  avatarUrl: 'https://avatars.githubusercontent.com/in/1143301?v=4',
  appSlug: 'copilot-swe-agent',
} as const;

/** GitHub's legacy global id of an account: base64 of "04:User<id>" or "012:Organization<id>". */
export function accountNodeId(account: Account): string {
  const text = account.type === 'Organization' ? `012:Organization${account.id}` : `04:User${account.id}`;
  return Buffer.from(text).toString('base64');
}

function simpleUser(login: string, id: number, nodeId: string, type: string, avatarUrl: string, htmlUrl: string, bases: Bases): SimpleUserBody {
  const url = `${bases.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId,
    avatar_url: avatarUrl,
    gravatar_id: '',
    url,
    html_url: htmlUrl,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function presentSimpleUser(account: Account, bases: Bases): SimpleUserBody {
  const avatar = `https://avatars.githubusercontent.com/u/${account.id}?v=4`;
  return simpleUser(account.login, account.id, accountNodeId(account), account.type, avatar, `${bases.web}/${account.login}`, bases);
}

export function presentCopilotBot(bases: Bases): SimpleUserBody {
  const c = COPILOT_BOT;
  return simpleUser(c.login, c.id, c.nodeId, 'Bot', c.avatarUrl, `${bases.web}/apps/${c.appSlug}`, bases);
}

/** GET /user: the token's own account, with the private fields GitHub shows its owner. */
export function presentPrivateUser(account: Account, counts: { publicRepos: number; privateRepos: number }, createdAt: string, bases: Bases): PrivateUserBody {
  return {
    ...presentSimpleUser(account, bases),
    user_view_type: 'private',
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: counts.publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt,
    private_gists: 0,
    total_private_repos: counts.privateRepos,
    owned_private_repos: counts.privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}
