/** autocannon on loopback for a fixed duration, and the server processes it drives. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export interface Measure {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

export function startProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} ne répond pas`);
}

/** `2026-11-28-2352`: the date and UTC time of a run's start, naming its result files (several passes a day). */
export const resultStamp = (iso: string) => `${iso.slice(0, 10)}-${iso.slice(11, 16).replace(':', '')}`;

export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

type Requests = NonNullable<autocannon.Options['requests']>;

/** Several paths are taken in turn by each connection when `paths` has more than one. */
export async function load(base: string, paths: string[] | Requests, headers: Record<string, string> = {}): Promise<Measure> {
  const requests = typeof paths[0] === 'string' ? (paths as string[]).map((path) => ({ method: 'GET' as const, path })) : (paths as Requests);
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, headers, requests });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The actions in an order that takes each plan in turn: consecutive updates, sent by different
 * connections at once, fall in different conventions, as the edits of a national platform's users do.
 * Taken in id order, ten connections edited the same plan together; on PostgreSQL each such edit waits
 * for the previous one's commit on the convention's row (its activity date), which measured that lock.
 */
export function spreadOverPlans<T extends { conventionId: number }>(actions: readonly T[]): T[] {
  const byPlan = new Map<number, T[]>();
  for (const action of actions) {
    if (!byPlan.has(action.conventionId)) byPlan.set(action.conventionId, []);
    byPlan.get(action.conventionId)!.push(action);
  }
  const plans = [...byPlan.values()];
  const spread: T[] = [];
  for (let round = 0; spread.length < actions.length; round++) for (const plan of plans) if (plan[round]) spread.push(plan[round]!);
  return spread;
}

/**
 * Action updates, each with the version the previous answer returned, spread over many actions so
 * that two connections never edit the same one at once (a 409 would count as an error).
 */
export function actionUpdates(actions: { id: number; version: number }[], token: string): Requests {
  const versions = new Map(actions.map((a) => [a.id, a.version]));
  let next = 0;
  return [
    {
      method: 'PATCH',
      setupRequest: (request) => {
        const action = actions[next++ % actions.length]!;
        return {
          ...request,
          path: `/api/v1/actions/${action.id}`,
          headers: { ...request.headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ version: versions.get(action.id), progress: next % 101 }),
        };
      },
      onResponse: (status, body) => {
        if (status !== 200) return;
        const updated = JSON.parse(body) as { id: number; version: number };
        versions.set(updated.id, updated.version);
      },
    },
  ];
}
