// The clinic's tasks (issue 6 item 3: a red flag reaches the clinic): listed most urgent first with
// the patient's name, acknowledged and resolved under the revision read. Audited as task.list,
// task.acknowledge and task.resolve.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ClinicTask } from './follow-up-ports.js';

type Repos = Pick<ClinicRepositories, 'tasks' | 'patients' | 'audit'>;

export interface TaskView extends ClinicTask {
  readonly patientName: string;
}

async function withNames(repos: Repos, tasks: readonly ClinicTask[]): Promise<TaskView[]> {
  const names = new Map<string, string>();
  for (const id of new Set(tasks.map((t) => t.patientId))) {
    const p = await repos.patients.get(id);
    names.set(id, p ? [p.given.join(' '), p.family].filter(Boolean).join(' ') : '');
  }
  return tasks.map((t) => ({ ...t, patientName: names.get(t.patientId) ?? '' }));
}

export async function listTasks(
  input: { readonly status: 'open' | 'all'; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<{ readonly ok: true; readonly tasks: readonly TaskView[] }> {
  const tasks = await withNames(repos, await repos.tasks.list(input.status));
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'task.list',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { status: input.status, count: tasks.length },
    }),
  );
  return { ok: true, tasks };
}

export async function changeTask(
  input: {
    readonly taskId: string;
    readonly to: 'acknowledged' | 'resolved';
    readonly ifRevisions: readonly number[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly task: TaskView } | UseCaseFailure> {
  const action = input.to === 'acknowledged' ? 'task.acknowledge' : 'task.resolve';
  const task = await repos.tasks.get(input.taskId);
  let result: { ok: true; task: ClinicTask } | UseCaseFailure;
  if (!task) result = { ok: false, code: 'not-found', detail: `no task ${input.taskId} in this clinic` };
  else if (task.status === 'resolved') result = { ok: false, code: 'conflict', detail: 'the task is resolved already' };
  else if (task.status === input.to) result = { ok: true, task };
  else {
    const current = input.ifRevisions.includes(task.revision) ? task.revision : -1;
    const saved =
      current < 0
        ? ('stale' as const)
        : await repos.tasks.setStatus(task.id, current, { status: input.to, by: input.actor.userId, at: input.at });
    result =
      saved === undefined
        ? { ok: false, code: 'not-found', detail: `no task ${input.taskId} in this clinic` }
        : saved === 'stale'
          ? { ok: false, code: 'precondition-failed', detail: 'the task changed since you read it' }
          : { ok: true, task: saved };
  }
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action,
      entity: `Task/${input.taskId}`,
      patientId: task?.patientId ?? null,
      outcome: result.ok ? 'success' : 'failed',
      ...(result.ok ? {} : { detail: { reason: result.code } }),
    }),
  );
  if (!result.ok) return result;
  const [view] = await withNames(repos, [result.task]);
  return view ? { ok: true, task: view } : { ok: false, code: 'not-found', detail: 'unreachable' };
}
