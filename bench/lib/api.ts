// What a GitHub client sends: the bench's requests carry the same headers as a real one.
export const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
export const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';
export const API_HEADERS = {
  authorization: `Bearer ${TOKEN}`,
  'x-github-api-version': '2026-03-10',
  accept: 'application/vnd.github+json',
};
export const CREATE_BODY = JSON.stringify({ prompt: 'Fix the flaky login test\n\nIt fails one run in ten on CI.', create_pull_request: true });
