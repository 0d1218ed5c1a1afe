// What the contract suite uses against an emulator when the environment does not say otherwise:
// credentials and repositories from the emulator's built-in fixtures (fixtures/tokens.yaml,
// fixtures/repositories.yaml). They are public test values, not secrets. The suite cannot import
// them from src/ (it talks HTTP only), so global-setup.ts checks them against a started emulator
// and fails loudly if the fixtures drift.

export const EMULATOR_DEFAULTS = {
  /** octocat, classic personal access token. */
  token: 'ghp_octocatEmulatorClassicToken000000000',
  /** 160 tasks by octocat and monalisa; octocat owns it. */
  repo: 'octocat/hello-world',
  /** A GitHub App installation token: refused by every agent-tasks operation. */
  installationToken: 'ghs_emulatorInstallationToken00000000000',
  /** octocat, fine-grained, without the "Agent tasks" permission. */
  noPermissionToken: 'github_pat_octocatEmulatorNoAgentTasks_00000000000000000000000000000000000000000000',
  /** octocat, fine-grained, "Agent tasks" read on octocat/hello-world only. */
  readOnlyToken: 'github_pat_octocatEmulatorReadOnly_000000000000000000000000000000000000000000000000',
  /** A private repository octocat cannot see. */
  hiddenRepo: 'hubot/secret-plans',
  /** A second repository octocat may use. */
  otherRepo: 'octocat/spoon-knife',
} as const;
