/** @jsxImportSource hono/jsx */
import type { Artifact, TaskRecord } from '../../model/task-record.js';
import { explainTask } from '../../engine/explain-task.js';
import { TRANSITIONS, canMove, isTerminal } from '../../engine/state-machine.js';
import { describeCause } from '../../engine/task-history.js';
import type { Tenant } from '../../tenants/tenant.js';
import type { WorkStore } from '../../domain/work/work-store.js';
import { ClockPanel } from './clock-panel.js';
import { ActionForm, Layout, StateBadge, iso, type PageContext } from './layout.js';
import { describeNext } from './task-rows.js';

/** A task's page: what it waits for, its levers, timeline, sessions, artifacts and prompt. */
export function TaskPage(props: { page: PageContext; tenant: Tenant; task: TaskRecord; back: string; problem?: string }) {
  const { page, tenant, task } = props;
  const work = tenant.world.work;
  const outlook = explainTask(task, tenant.engine.catalogue, tenant.clock);
  const action = (lever: string) => `${page.base}/tasks/${encodeURIComponent(task.id)}/${lever}`;
  const moves = TRANSITIONS[task.state].filter((s) => s !== 'cancelled');
  return (
    <Layout page={page} title={`Task: ${task.name}`} current="tasks">
      {props.problem ? (
        <p role="alert" class="error">
          {props.problem}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="summary-heading" id="summary-region" data-live>
        <h2 id="summary-heading">Where it is</h2>
        <dl>
          <dt>State</dt>
          <dd>
            <StateBadge state={task.state} />
            {task.archivedAt !== null ? ` (archived ${iso(task.archivedAt)})` : ''}
          </dd>
          <dt>Scenario</dt>
          <dd>
            {outlook.scenario ?? 'none'}
            {outlook.chosenBy ? `, chosen by ${outlook.chosenBy}` : ''}
          </dd>
          <dt>Waiting for</dt>
          <dd class="why" id="waiting-for">
            {outlook.waitingFor}
          </dd>
          <dt>Next due step</dt>
          <dd>{describeNext(outlook) || 'none'}</dd>
          <dt>Repository</dt>
          <dd>
            {task.ownerLogin}/{task.repositoryName}
          </dd>
          <dt>Id</dt>
          <dd>
            <code>{task.id}</code>
          </dd>
          <dt>Created, updated</dt>
          <dd>
            {iso(task.createdAt)}, {iso(task.updatedAt)}
          </dd>
        </dl>
      </section>
      <ClockPanel page={page} tenant={tenant} back={props.back} />
      <section aria-labelledby="levers-heading" id="levers-region" data-live>
        <h2 id="levers-heading">Levers</h2>
        {moves.length > 0 ? (
          <ActionForm action={action('state')} back={props.back} label="Move">
            <label>
              Move to
              <select name="state">
                {moves.map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </label>
          </ActionForm>
        ) : (
          ''
        )}
        {canMove(task.state, 'cancelled') ? <ActionForm action={action('cancel')} back={props.back} label="Cancel the task" /> : ''}
        {task.state === 'waiting_for_user' || task.state === 'idle' ? (
          <ActionForm action={action('answer')} back={props.back} label="Answer">
            <label>
              Answer (a new session)
              <textarea name="prompt" rows={2} cols={50} required></textarea>
            </label>
          </ActionForm>
        ) : (
          ''
        )}
        {isTerminal(task.state) ? (
          <ActionForm action={action('follow-up')} back={props.back} label="Follow up">
            <label>
              Follow-up prompt (a new session)
              <textarea name="prompt" rows={2} cols={50} required></textarea>
            </label>
          </ActionForm>
        ) : (
          ''
        )}
        {task.archivedAt === null ? (
          <ActionForm action={action('archive')} back={props.back} label="Archive" />
        ) : (
          <ActionForm action={action('unarchive')} back={props.back} label="Unarchive" />
        )}
      </section>
      <section aria-labelledby="timeline-heading" id="timeline-region" data-live>
        <h2 id="timeline-heading">Timeline</h2>
        {task.historyDropped ? <p class="note">{task.historyDropped} older changes not kept (the first is always kept).</p> : ''}
        {(task.history ?? []).length === 0 ? (
          <p>No recorded changes: a generated task, or one saved before histories were kept.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Emulator time</th>
                <th scope="col">Change</th>
                <th scope="col">Cause</th>
                <th scope="col">Produced</th>
              </tr>
            </thead>
            <tbody>
              {(task.history ?? []).map((e) => (
                <tr>
                  <td>
                    <time datetime={iso(e.at)}>{iso(e.at)}</time>
                  </td>
                  <td>
                    <StateBadge state={e.from} /> → <StateBadge state={e.to} />
                  </td>
                  <td>{describeCause(e.cause)}</td>
                  <td>{e.produced ? <ArtifactView page={page} task={task} artifact={e.produced} work={work} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="sessions-heading" id="sessions-region" data-live>
        <h2 id="sessions-heading">Sessions ({task.sessions.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">Completed</th>
              <th scope="col">Branch</th>
              <th scope="col">Prompt</th>
            </tr>
          </thead>
          <tbody>
            {task.sessions.map((s, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>
                  <StateBadge state={s.state} />
                  {s.errorMessage ? <div class="error">{s.errorMessage}</div> : ''}
                </td>
                <td>{iso(s.createdAt)}</td>
                <td>{iso(s.completedAt)}</td>
                <td>{s.headRef ? `${s.headRef} → ${s.baseRef ?? ''}` : ''}</td>
                <td>{s.prompt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="artifacts-heading" id="artifacts-region" data-live>
        <h2 id="artifacts-heading">Artifacts</h2>
        {task.artifacts.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul>
            {task.artifacts.map((a) => (
              <li>
                <ArtifactView page={page} task={task} artifact={a} work={work} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">Prompt</h2>
        <pre>{task.sessions[0]?.prompt ?? ''}</pre>
        <p>
          <a href={`${page.base}/journal?path=${encodeURIComponent(`/agents/repos/${task.ownerLogin}/${task.repositoryName}/tasks`)}`}>
            Requests to this repository's tasks in the journal
          </a>
        </p>
      </section>
    </Layout>
  );
}

/**
 * A pull request links to the emulated one (`/repos/{owner}/{repo}/pulls/{number}`) and a branch
 * to its branch; one the repository does not hold (a task loaded with an artifact of its own) is
 * shown by id and refs.
 */
function ArtifactView(props: { page: PageContext; task: TaskRecord; artifact: Artifact; work: WorkStore }) {
  const a = props.artifact;
  const repo = `${props.page.prefix}/repos/${encodeURIComponent(props.task.ownerLogin)}/${encodeURIComponent(props.task.repositoryName)}`;
  if (a.type === 'branch') {
    const text = `branch ${a.data.head_ref} → ${a.data.base_ref}`;
    return props.work.branch(props.task.repositoryId, a.data.head_ref) ? <a href={`${repo}/branches/${encodeURIComponent(a.data.head_ref)}`}>{text}</a> : <span>{text}</span>;
  }
  const number = props.work.pullById(a.data.id)?.number;
  return number !== undefined ? <a href={`${repo}/pulls/${number}`}>{`pull request #${number}`}</a> : <span>{`pull request id ${a.data.id}`}</span>;
}
