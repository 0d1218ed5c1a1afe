import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildSlice } from '../../scripts/update-spec.mjs';
import { tempDir } from '../support/temp-dir.js';

describe('spec slice', () => {
  it('openapi/agent-tasks.json is exactly what npm run spec:update extracts from @octokit/openapi', () => {
    expect(readFileSync('openapi/agent-tasks.json', 'utf8')).toBe(buildSlice());
  });

  it('holds the five agent-tasks operations, the six repository operations, and records the package and its API version', () => {
    const slice = JSON.parse(readFileSync('openapi/agent-tasks.json', 'utf8'));
    const ids = Object.values(slice.paths).flatMap((item: any) => Object.values(item).map((op: any) => op.operationId));
    expect(ids.sort()).toEqual([
      'agent-tasks/create-task-in-repo',
      'agent-tasks/get-task-by-id',
      'agent-tasks/get-task-by-repo-and-id',
      'agent-tasks/list-tasks',
      'agent-tasks/list-tasks-for-repo',
      'git/get-ref',
      'pulls/get',
      'pulls/list',
      'repos/get',
      'repos/get-branch',
      'users/get-authenticated',
    ]);
    const pkg = JSON.parse(readFileSync('node_modules/@octokit/openapi/package.json', 'utf8'));
    expect(slice.info['x-source']).toMatchObject({ package: '@octokit/openapi', version: pkg.version, 'api-version': '2022-11-28' });
  });

  it('follows API version 2022-11-28, and records what 2026-03-10 removed from these answers', () => {
    const slice = JSON.parse(readFileSync('openapi/agent-tasks.json', 'utf8'));
    const schemas = slice.components.schemas;
    // 2022-11-28 still requires merge_commit_sha and assignee; 2026-03-10's changelog removed them.
    expect(schemas['pull-request'].required).toEqual(expect.arrayContaining(['merge_commit_sha', 'assignee']));
    const removals = slice.info['x-api-version-removals']['2026-03-10'];
    expect(removals.source).toMatch(/rest-api-description.*CHANGELOG\.md$/);
    expect(removals.schemas['pull-request']).toEqual(['merge_commit_sha', 'assignee']);
    for (const [name, fields] of Object.entries(removals.schemas as Record<string, string[]>)) {
      for (const f of fields) expect(schemas[name].properties, `${name}.${f}`).toHaveProperty(f);
    }
  });

  it('the committed types are what openapi-typescript generates from the slice', () => {
    const out = join(tempDir('types-'), 'agent-tasks-api.ts');
    execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'openapi/agent-tasks.json', '-o', out], { stdio: 'pipe' });
    expect(readFileSync('src/generated/agent-tasks-api.ts', 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 30_000);
});
