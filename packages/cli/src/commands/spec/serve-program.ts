// Test support: `knotwork serve` run as the built program a user starts, on a folder of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
export const BIN = join(ROOT, 'packages', 'cli', 'bin', 'knotwork.js');

export interface ServedProgram {
  readonly child: ChildProcess;
  /** The URL the server says it serves, once it does; rejects when it exits first. */
  readonly ready: Promise<string>;
  /** Everything it printed so far. */
  log(): string;
}

export function serveProgram(options: {
  readonly dataDir: string;
  readonly port?: number;
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}): ServedProgram {
  const args = [
    BIN,
    'serve',
    '--port',
    String(options.port ?? 0),
    '--data-dir',
    options.dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
  let log = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /serving (http:\/\/\S+)/.exec(log);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`server exited ${code ?? signal}: ${log}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, log: () => log };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.on('exit', resolve),
  );
}

/** A free port, so that a server's public URL (the audience of EHR tokens) is known up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
