// Response and request shapes, taken from the types generated out of GitHub's description
// (src/generated/agent-tasks-api.ts): a renamed or missing field fails to compile.
import type { operations } from '../../generated/agent-tasks-api.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type TaskBody = Json<operations['agent-tasks/create-task-in-repo']['responses'][201]>;
export type TaskWithSessionsBody = Json<operations['agent-tasks/get-task-by-id']['responses'][200]>;
export type TaskListBody = Json<operations['agent-tasks/list-tasks']['responses'][200]>;
export type RepoTaskListBody = Json<operations['agent-tasks/list-tasks-for-repo']['responses'][200]>;
export type CreateTaskRequest = NonNullable<operations['agent-tasks/create-task-in-repo']['requestBody']>['content']['application/json'];
export type ErrorBody = Json<operations['agent-tasks/create-task-in-repo']['responses'][422]> & { status: string };
export type SessionBody = NonNullable<TaskWithSessionsBody['sessions']>[number];

export type OperationId = keyof operations;
