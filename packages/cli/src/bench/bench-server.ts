// The server under load, as a child process of the benchmark (so its CPU and memory are its own,
// not the load generator's): `bare` is a fastify app with one route answering a small JSON object,
// `knotwork` is startServer() as `knotwork serve` runs it, on KNOTWORK_DATA_DIR or DATABASE_URL.
// It answers the parent over IPC: its CPU time and peak RSS (sampled every 25 ms), the database's
// CPU time and counters (PostgreSQL backends, read from /proc when it can), and a CPU profile
// summary on demand.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import fastify from 'fastify';
import { startServer, type RunningServer } from '@knotwork/server';
import { summariseProfile, topFunctions, type CpuProfile, type Share } from './profile-summary.js';

export type BenchRequest =
  { type: 'usage' } | { type: 'profile-start' } | { type: 'profile-stop'; saveTo?: string } | { type: 'stop' };

export interface DatabaseCounters {
  readonly transactions: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly returned: number;
}

export type BenchReply =
  | { type: 'ready'; url: string }
  | {
      type: 'usage';
      /** User + system CPU of this process, µs. */
      cpuMicros: number;
      rssBytes: number;
      peakRssBytes: number;
      /** CPU of the PostgreSQL backends serving this process, µs (undefined: PGlite, or /proc unreadable). */
      databaseCpuMicros: number | undefined;
      database: DatabaseCounters | undefined;
    }
  | { type: 'profiling' }
  | { type: 'profile'; shares: Share[]; top: Share[] };

function reply(message: BenchReply): void {
  process.send?.(message);
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

function procCpuMicros(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks * 1e6) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

async function databaseUsage(server: RunningServer | undefined) {
  if (!server) return { databaseCpuMicros: undefined, database: undefined };
  // Through asSystem: on PGlite a statement outside the queue could land inside a request's transaction.
  const rows = async <T>(query: string): Promise<T[]> => {
    const result: unknown = await server.database.asSystem((tx) => tx.execute(query));
    return (result as { rows: T[] }).rows;
  };
  const [counters] = await rows<Record<string, string | number>>(
    `select xact_commit + xact_rollback as transactions, tup_inserted as inserted, tup_updated as updated,
       tup_deleted as deleted, tup_returned as returned
     from pg_stat_database where datname = current_database()`,
  );
  const database = counters
    ? {
        transactions: Number(counters['transactions']),
        inserted: Number(counters['inserted']),
        updated: Number(counters['updated']),
        deleted: Number(counters['deleted']),
        returned: Number(counters['returned']),
      }
    : undefined;
  if (server.database.kind !== 'postgres') return { databaseCpuMicros: undefined, database };
  const backends = await rows<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and application_name = 'knotwork'`,
  );
  let total = 0;
  for (const { pid } of backends) {
    const micros = procCpuMicros(pid);
    if (micros === undefined) return { databaseCpuMicros: undefined, database };
    total += micros;
  }
  return { databaseCpuMicros: total, database };
}

const mode = process.argv[2];
let knotwork: RunningServer | undefined;
let close: () => Promise<void>;
let url: string;
if (mode === 'bare') {
  const app = fastify({ logger: false });
  app.get('/bare', () => ({ ok: true, served: 'bare fastify route' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bare`;
  close = () => app.close();
} else {
  knotwork = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: process.env['KNOTWORK_DATA_DIR'] ?? 'data',
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    demo: false,
    publicBaseUrl: 'http://127.0.0.1',
    log: () => undefined,
  });
  const running = knotwork;
  url = running.url;
  close = () => running.close();
}

// Peak RSS by sampling: getrusage's maxRSS can carry the parent's high-water mark across fork/exec.
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
setInterval(sampleRss, 25).unref();

const session = new Session();
process.on('message', (message: BenchRequest) => {
  void (async () => {
    switch (message.type) {
      case 'usage': {
        const cpu = process.cpuUsage();
        reply({
          type: 'usage',
          cpuMicros: cpu.user + cpu.system,
          rssBytes: process.memoryUsage().rss,
          peakRssBytes: sampleRss(),
          ...(await databaseUsage(knotwork)),
        });
        return;
      }
      case 'profile-start':
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
        reply({ type: 'profiling' });
        return;
      case 'profile-stop': {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        const cpu = profile as CpuProfile;
        if (message.saveTo !== undefined) writeFileSync(message.saveTo, JSON.stringify(profile));
        reply({ type: 'profile', shares: summariseProfile(cpu), top: topFunctions(cpu, 4) });
        return;
      }
      case 'stop':
        await close();
        process.disconnect();
        return;
    }
  })();
});
reply({ type: 'ready', url });
