import type { TaskState, Usage } from '../model/task-record.js';

/** What makes a step happen: time on the clock, client reads, or an answer from the user. */
export type StepTrigger =
  | { kind: 'after'; ms: number; jitter: number }
  | { kind: 'reads'; count: number }
  | { kind: 'answer' };

export interface ScenarioStep {
  state: TaskState;
  trigger: StepTrigger;
  /** Error message of a failed session. */
  error?: string;
  /** Artifact on completion: 'auto' = a pull request when create_pull_request was true, else a branch. */
  artifacts?: 'auto' | 'pull' | 'branch' | 'none';
  usage?: Usage;
  /** Open a new session with this step (a follow-up); its prompt, if given. */
  newSession?: { prompt?: string };
}

export interface Scenario {
  name: string;
  description: string;
  steps: ScenarioStep[];
  /** Where it was defined, for error messages. */
  source: string;
}
