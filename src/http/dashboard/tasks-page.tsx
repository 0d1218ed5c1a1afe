/** @jsxImportSource hono/jsx */
import { TASK_STATES } from '../../model/task-record.js';
import type { Tenant } from '../../tenants/tenant.js';
import { ClockPanel } from './clock-panel.js';
import { Layout, StateBadge, iso, type PageContext } from './layout.js';
import { describeNext, listTaskRows, type TaskFilter } from './task-rows.js';

export function TasksPage(props: { page: PageContext; tenant: Tenant; filter: TaskFilter; back: string }) {
  const { page, tenant, filter } = props;
  const { rows, matched } = listTaskRows(tenant, filter);
  const repositories = [...tenant.world.directory.repositories.values()].map((r) => `${r.owner.login}/${r.name}`).sort();
  return (
    <Layout page={page} title="Tasks" current="tasks">
      <ClockPanel page={page} tenant={tenant} back={props.back} />
      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading">Filter</h2>
        <form method="get" action={`${page.base}/tasks`} class="inline">
          <label>
            Repository
            <select name="repository">
              <option value="">any</option>
              {repositories.map((r) => (
                <option value={r} selected={filter.repository?.toLowerCase() === r.toLowerCase()}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            State
            <select name="state">
              <option value="">any</option>
              {TASK_STATES.map((s) => (
                <option value={s} selected={filter.state === s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Archived
            <select name="archived">
              <option value="no" selected={filter.archived === 'no'}>
                not archived
              </option>
              <option value="yes" selected={filter.archived === 'yes'}>
                archived only
              </option>
              <option value="all" selected={filter.archived === 'all'}>
                both
              </option>
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
      </section>
      <section aria-labelledby="tasks-heading" id="tasks-region" data-live>
        <h2 id="tasks-heading">
          {matched} tasks{matched > rows.length ? ` (the ${rows.length} updated last shown)` : ''}
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Repository</th>
              <th scope="col">State</th>
              <th scope="col">Scenario</th>
              <th scope="col">Next due step</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ task, outlook }) => (
              <tr data-task-id={task.id}>
                <td>
                  <a href={`${page.base}/tasks/${encodeURIComponent(task.id)}`}>{task.name}</a>
                  <div class="note">{task.id}</div>
                </td>
                <td>
                  {task.ownerLogin}/{task.repositoryName}
                </td>
                <td>
                  <StateBadge state={task.state} />
                  {task.archivedAt !== null ? <span class="note"> archived</span> : ''}
                </td>
                <td>
                  {outlook.scenario ?? <span class="note">none</span>}
                  {outlook.chosenBy ? <div class="note">by {outlook.chosenBy}</div> : ''}
                </td>
                <td>{describeNext(outlook)}</td>
                <td>{iso(task.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
