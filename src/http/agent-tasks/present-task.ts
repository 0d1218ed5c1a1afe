import type { SessionRecord, TaskRecord } from '../../model/task-record.js';
import type { SessionBody, TaskBody, TaskListBody, TaskWithSessionsBody } from '../shared/api-types.js';
import type { TaskPage } from '../../store/task-store.js';
import { isoSeconds, type IsoSeconds } from '../shared/iso-seconds.js';

export { createIsoSeconds, isoSeconds, type IsoSeconds } from '../shared/iso-seconds.js';

export interface UrlBases {
  /** Public API base, tenant prefix included, no trailing slash. */
  api: string;
  /** Web base for html_url, e.g. https://github.com. */
  web: string;
}


export function presentTask(task: TaskRecord, bases: UrlBases, iso: IsoSeconds = isoSeconds): TaskBody {
  const path = `${task.ownerLogin}/${task.repositoryName}`;
  const updatedAt = iso(task.updatedAt);
  const body: TaskBody = {
    id: task.id,
    url: `${bases.api}/agents/repos/${path}/tasks/${task.id}`,
    html_url: `${bases.web}/${path}/copilot/tasks/${task.id}`,
    name: task.name,
    creator: { id: task.creatorId },
    creator_type: task.creatorType,
    user_collaborators: task.collaboratorIds.map((id) => ({ id })),
    owner: { id: task.ownerId },
    repository: { id: task.repositoryId },
    state: task.state,
    session_count: task.sessions.length,
    // Only ever serialised: the generated body type is mutable, the record's array is not.
    artifacts: task.artifacts as TaskBody['artifacts'],
    archived_at: task.archivedAt === null ? null : iso(task.archivedAt),
    updated_at: updatedAt,
    // A task not yet moved on was last updated when it was made: one conversion serves both.
    created_at: task.createdAt === task.updatedAt ? updatedAt : iso(task.createdAt),
  };
  if (task.customAgent !== undefined) body.custom_agent = { id: task.customAgent };
  return body;
}

export function presentTaskWithSessions(task: TaskRecord, bases: UrlBases, iso: IsoSeconds = isoSeconds): TaskWithSessionsBody {
  return { ...presentTask(task, bases, iso), sessions: task.sessions.map((s) => presentSession(s, task, iso)) };
}

export function presentSession(session: SessionRecord, task: TaskRecord, iso: IsoSeconds = isoSeconds): SessionBody {
  const body: SessionBody = {
    id: session.id,
    name: session.name,
    user: { id: session.userId },
    owner: { id: task.ownerId },
    repository: { id: task.repositoryId },
    task_id: task.id,
    state: session.state,
    created_at: iso(session.createdAt),
    updated_at: iso(session.updatedAt),
    prompt: session.prompt,
  };
  if (session.completedAt !== undefined) body.completed_at = iso(session.completedAt);
  if (session.headRef !== undefined) body.head_ref = session.headRef;
  if (session.baseRef !== undefined) body.base_ref = session.baseRef;
  if (session.model !== undefined) body.model = session.model;
  if (session.usage !== undefined) body.usage = session.usage;
  if (session.errorMessage !== undefined) body.error = { message: session.errorMessage };
  return body;
}

export function presentTaskList(page: TaskPage, bases: UrlBases, iso: IsoSeconds = isoSeconds): TaskListBody {
  return {
    tasks: page.tasks.map((t) => presentTask(t, bases, iso)),
    total_active_count: page.totalActive,
    total_archived_count: page.totalArchived,
  };
}
