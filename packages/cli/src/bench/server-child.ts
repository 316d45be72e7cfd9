// The benchmark's side of ./bench-server.ts: fork it, wait until it serves, ask it for its usage
// and a profile, stop it. Also the restart measurement: the real `knotwork serve` on an existing
// database, from spawn to the first answered request.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchReply, BenchRequest } from './bench-server.js';

export type Usage = Extract<BenchReply, { type: 'usage' }>;

export interface BenchChild {
  readonly url: string;
  usage(): Promise<Usage>;
  /** Profiles the server while `during` runs; the busy time's shares by layer (the profile saved to `saveTo`). */
  profile(
    during: () => Promise<unknown>,
    saveTo?: string,
  ): Promise<Omit<Extract<BenchReply, { type: 'profile' }>, 'type'>>;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./bench-server.js', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/knotwork.js', import.meta.url));

export interface Target {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
}

function envOf(target: Target | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KNOTWORK_DATA_DIR: target?.dataDir ?? '',
    DATABASE_URL: target?.databaseUrl ?? '',
  };
}

export async function forkServer(mode: 'bare' | 'knotwork', target?: Target): Promise<BenchChild> {
  const child = fork(script, [mode], { env: envOf(target), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const replies: BenchReply[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (message: BenchReply) => {
    replies.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = async <T extends BenchReply['type']>(type: T): Promise<Extract<BenchReply, { type: T }>> => {
    for (;;) {
      const index = replies.findIndex((r) => r.type === type);
      if (index !== -1) return replies.splice(index, 1)[0] as Extract<BenchReply, { type: T }>;
      const woken = new Promise<void>((resolve) => waiters.push(resolve));
      await Promise.race([woken, exited.then(() => Promise.reject(new Error(`the ${mode} server exited`)))]);
    }
  };
  const send = (request: BenchRequest) => child.send(request);
  const { url } = await next('ready');
  return {
    url,
    usage: () => {
      send({ type: 'usage' });
      return next('usage');
    },
    profile: async (during, saveTo) => {
      send({ type: 'profile-start' });
      await next('profiling');
      await during();
      send(saveTo === undefined ? { type: 'profile-stop' } : { type: 'profile-stop', saveTo });
      const { shares, top } = await next('profile');
      return { shares, top };
    },
    stop: async () => {
      send({ type: 'stop' });
      await exited;
    },
  };
}

/** `knotwork serve` on an existing database: ms from spawn until it answers a request; then stopped. */
export async function measureRestart(target: Target): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', target.dataDir], {
    env: { ...envOf(target), KNOTWORK_DATA_DIR: target.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let log = '';
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /serving (http:\/\/\S+)/.exec(log);
        if (m?.[1]) resolve(m[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => reject(new Error(`knotwork serve exited: ${log}`)));
    });
    const answer = await fetch(`${url}/cds-services`);
    if (answer.status !== 200) throw new Error(`knotwork serve answered ${answer.status}`);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
