import type { TaskState } from '../model/task-record.js';
import { durationFrom } from './duration.js';
import type { Scenario, ScenarioStep, StepTrigger } from './scenario.js';
import { canMove, isTerminal, refusal } from './state-machine.js';
import { FileProblem } from '../support/file-problem.js';
import { validateScenario as validate } from '../generated/validators.js';

export class ScenarioError extends FileProblem {}

interface RawStep {
  state: TaskState;
  after?: string | number;
  after_reads?: number;
  on?: 'answer';
  jitter?: number;
  error?: string;
  artifacts?: ScenarioStep['artifacts'];
  usage?: ScenarioStep['usage'];
  new_session?: boolean | { prompt?: string };
}

/**
 * Validates one scenario document: its shape (src/engine/scenario-schema.ts, compiled at build
 * time by scripts/generate-validators.ts), one trigger per step, and that every step is a
 * legal move from the one before (a task starts queued).
 */
export function parseScenario(raw: unknown, file: string): Scenario {
  if (!validate(raw)) {
    const e = validate.errors![0]!;
    const where = e.instancePath ? e.instancePath.replace(/^\/steps\/(\d+)/, (_, i) => `step ${Number(i) + 1}`) : 'scenario';
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    throw new ScenarioError(file, `${where} ${e.message}${extra}`);
  }
  const doc = raw as { name: string; description?: string; steps: RawStep[] };
  let from: TaskState = 'queued';
  const steps = doc.steps.map((s, i): ScenarioStep => {
    const at = `step ${i + 1} (${s.state})`;
    const triggers = [s.after !== undefined, s.after_reads !== undefined, s.on !== undefined].filter(Boolean).length;
    if (triggers !== 1) throw new ScenarioError(file, `${at} needs exactly one of after, after_reads, on`);
    let trigger: StepTrigger;
    if (s.after !== undefined) {
      const ms = durationFrom(s.after);
      if (ms === undefined) throw new ScenarioError(file, `${at}: after must be a duration such as 250ms, 5s, 2m or 1h30m`);
      trigger = { kind: 'after', ms, jitter: s.jitter ?? 0 };
    } else if (s.after_reads !== undefined) trigger = { kind: 'reads', count: s.after_reads };
    else trigger = { kind: 'answer' };
    if (s.jitter !== undefined && trigger.kind !== 'after') throw new ScenarioError(file, `${at}: jitter applies only to after`);
    if (trigger.kind === 'answer' && from !== 'waiting_for_user' && from !== 'idle') {
      throw new ScenarioError(file, `${at}: on: answer must follow a waiting_for_user or idle step`);
    }
    const opensSession = trigger.kind === 'answer' || s.new_session !== undefined && s.new_session !== false;
    if (!opensSession && !canMove(from, s.state)) throw new ScenarioError(file, `${at}: ${refusal(from, s.state)}`);
    if (opensSession && s.state !== 'queued' && s.state !== 'in_progress') {
      throw new ScenarioError(file, `${at}: a new session starts queued or in_progress`);
    }
    if (s.error !== undefined && s.state !== 'failed') throw new ScenarioError(file, `${at}: error applies only to failed`);
    if (s.artifacts !== undefined && s.state !== 'completed') throw new ScenarioError(file, `${at}: artifacts apply only to completed`);
    if (s.usage !== undefined && !isTerminal(s.state) && s.state !== 'waiting_for_user' && s.state !== 'idle') {
      throw new ScenarioError(file, `${at}: usage is recorded when a session stops working`);
    }
    from = s.state;
    return {
      state: s.state,
      trigger,
      error: s.error,
      artifacts: s.artifacts,
      usage: s.usage,
      newSession: opensSession ? { prompt: typeof s.new_session === 'object' ? s.new_session.prompt : undefined } : undefined,
    };
  });
  return { name: doc.name, description: doc.description ?? '', steps, source: file };
}
