import { describe, expect, it } from 'vitest';
import { NOW, TOKENS, testEmulator } from '../support/emulator.js';

const DOCS = 'https://docs.github.com/rest/agent-tasks/agent-tasks#start-a-task';

describe('POST /agents/repos/{owner}/{repo}/tasks (start a task)', () => {
  it('answers 201 with the task queued, every field filled', async () => {
    const { create } = testEmulator();
    const { status, body, res } = await create({
      prompt: 'Fix the login button on the homepage\n\nIt does nothing on Safari.',
      base_ref: 'main',
      model: 'gpt-5.4',
      custom_agent: 'performance-optimizer',
      create_pull_request: true,
    });
    expect(status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toEqual({
      id: body.id,
      url: `http://localhost/agents/repos/octocat/hello-world/tasks/${body.id}`,
      html_url: `https://github.com/octocat/hello-world/copilot/tasks/${body.id}`,
      name: 'Fix the login button on the homepage',
      creator: { id: 583231 },
      creator_type: 'user',
      user_collaborators: [],
      owner: { id: 583231 },
      repository: { id: 1296269 },
      state: 'queued',
      session_count: 1,
      artifacts: [],
      archived_at: null,
      updated_at: '2026-11-01T12:00:00Z',
      created_at: '2026-11-01T12:00:00Z',
      custom_agent: { id: 'performance-optimizer' },
    });
    expect(res.headers.get('location')).toBe(body.url);
  });

  it('the new task can be read both ways, with its session', async () => {
    const { create, json } = testEmulator();
    const { body: task } = await create({ prompt: 'Add a test', model: 'claude-opus-4.6', head_ref: 'feature/x', base_ref: 'develop' });
    const byRepo = await json(`/agents/repos/octocat/hello-world/tasks/${task.id}`);
    const byId = await json(`/agents/tasks/${task.id}`);
    expect(byRepo.status).toBe(200);
    expect(byId.body).toEqual(byRepo.body);
    expect(byId.body.sessions).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Add a test',
        user: { id: 583231 },
        owner: { id: 583231 },
        repository: { id: 1296269 },
        task_id: task.id,
        state: 'queued',
        created_at: '2026-11-01T12:00:00Z',
        updated_at: '2026-11-01T12:00:00Z',
        prompt: 'Add a test',
        head_ref: 'feature/x',
        base_ref: 'develop',
        model: 'claude-opus-4.6',
      },
    ]);
    expect(byId.body).not.toHaveProperty('custom_agent');
  });

  it('owner and repo are matched case-insensitively; urls use the canonical names', async () => {
    const { create, json } = testEmulator();
    const { status, body } = await create({ prompt: 'Case' }, { repo: 'OctoCat/Hello-World' });
    expect(status).toBe(201);
    expect(body.url).toContain('/agents/repos/octocat/hello-world/tasks/');
    expect((await json(`/agents/repos/OCTOCAT/HELLO-WORLD/tasks/${body.id}`)).status).toBe(200);
  });

  it('defaults base_ref to the repository default branch and create_pull_request to false', async () => {
    const { create, json, tenants } = testEmulator();
    const { body } = await create({ prompt: 'Defaults' }, { repo: 'hubot/secret-plans', token: TOKENS.hubot });
    const full = await json(`/agents/tasks/${body.id}`, { token: TOKENS.hubot });
    expect(full.body.sessions[0].base_ref).toBe('trunk');
    expect(tenants.default.world.store.get(body.id)?.createPullRequest).toBe(false);
  });

  it('ignores unknown members', async () => {
    const { create } = testEmulator();
    const { status, body } = await create('{"prompt":"Extra","colour":"blue","__proto__":{"admin":true},"nested":{"deep":[1,2]}}');
    expect(status).toBe(201);
    expect(body.name).toBe('Extra');
    expect(body).not.toHaveProperty('colour');
    expect(body).not.toHaveProperty('admin');
    expect(({} as any).admin).toBeUndefined();
  });

  it('dispatch is not idempotent: the same body twice starts two tasks', async () => {
    const { create } = testEmulator();
    const a = await create({ prompt: 'Twice' });
    const b = await create({ prompt: 'Twice' });
    expect(a.body.id).not.toBe(b.body.id);
  });

  describe('requests GitHub would reject', () => {
    it.each([
      ['not JSON', '{"prompt": '],
      ['empty', ''],
      ['a trailing comma', '{"prompt":"x",}'],
    ])('%s: 400 Problems parsing JSON', async (_what, text) => {
      const { create, tenants } = testEmulator();
      const before = tenants.default.world.store.count();
      const { status, body, res } = await create(text);
      expect(status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body).toEqual({ message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
      expect(tenants.default.world.store.count()).toBe(before);
    });

    it.each([['[]'], ['"prompt"'], ['42'], ['null'], ['true']])('valid JSON that is not an object (%s): 400 Body should be a JSON object', async (text) => {
      const { create } = testEmulator();
      const { status, body } = await create(text);
      expect(status).toBe(400);
      expect(body).toEqual({ message: 'Body should be a JSON object', documentation_url: DOCS, status: '400' });
    });

    it.each([
      ['missing prompt', {}, [{ resource: 'Task', field: 'prompt', code: 'missing_field' }]],
      ['empty prompt', { prompt: '' }, [{ resource: 'Task', field: 'prompt', code: 'missing_field' }]],
      ['blank prompt', { prompt: '   \n ' }, [{ resource: 'Task', field: 'prompt', code: 'missing_field' }]],
    ])('%s: 422 missing_field', async (_what, payload, errors) => {
      const { create } = testEmulator();
      const { status, body } = await create(payload);
      expect(status).toBe(422);
      expect(body).toEqual({ message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' });
    });

    it.each([
      ['prompt', { prompt: 42 }],
      ['create_pull_request', { prompt: 'x', create_pull_request: 'yes' }],
      ['model', { prompt: 'x', model: 7 }],
      ['base_ref', { prompt: 'x', base_ref: ['main'] }],
      ['head_ref', { prompt: 'x', head_ref: null }],
      ['custom_agent', { prompt: 'x', custom_agent: {} }],
    ])('a wrong type for %s: 422 invalid naming the field', async (field, payload) => {
      const { create, tenants } = testEmulator();
      const before = tenants.default.world.store.count();
      const { status, body } = await create(payload);
      expect(status).toBe(422);
      expect(body.message).toBe('Validation Failed');
      expect(body.errors).toContainEqual(expect.objectContaining({ resource: 'Task', field, code: 'invalid' }));
      expect(tenants.default.world.store.count()).toBe(before);
    });

    it('a model outside the documented list: 422 invalid listing the models', async () => {
      const { create } = testEmulator();
      const { status, body } = await create({ prompt: 'x', model: 'gpt-2' });
      expect(status).toBe(422);
      expect(body.errors).toEqual([
        expect.objectContaining({ field: 'model', code: 'invalid', message: expect.stringContaining('claude-sonnet-4.6') }),
      ]);
    });

    it('an oversized body: 413 with a GitHub-shaped body, nothing created', async () => {
      const { create, tenants } = testEmulator({ maxBodyBytes: 1024 });
      const before = tenants.default.world.store.count();
      const { status, body } = await create({ prompt: 'x'.repeat(2000) });
      expect(status).toBe(413);
      expect(body).toEqual({ message: 'Request body is too large', documentation_url: DOCS, status: '413' });
      expect(tenants.default.world.store.count()).toBe(before);
    });
  });

  it('stamps times from the injected clock', async () => {
    const { create, tenants } = testEmulator();
    tenants.default.clock.advance(90_500);
    const { body } = await create({ prompt: 'Later' });
    expect(body.created_at).toBe(new Date(NOW + 90_000).toISOString().replace('.000Z', 'Z'));
  });
});
