// The outbox worker (issue 6 item 2): sends the messages use cases queued in their transactions
// (outbox_messages), in the server process, on the system connection (it serves every clinic).
// Each round claims due messages of the configured channels (FOR UPDATE SKIP LOCKED, so two server
// processes never take the same one; the claim pushes next_attempt_at out as a lease), sends them
// outside any transaction, then records each result: sent, or tried again after a backoff
// (30 s doubling, at most an hour) until MAX_ATTEMPTS, then failed. A channel that is not
// configured leaves its messages queued and the log says so once.
import type { Database, KnotworkTx } from '../db/index.js';
import { rawQueryOf, type Statement } from '../db/database-internals.js';
import type { MessageChannel } from './channels.js';

export const MAX_ATTEMPTS = 10;
const LEASE_SECONDS = 300;

/** Seconds to wait after the n-th failed attempt (n >= 1). */
export const backoffSeconds = (attempts: number): number => Math.min(30 * 2 ** (attempts - 1), 3600);

const COUNT_QUEUED: Statement = {
  name: 'knotwork_outbox_count_queued',
  text: "select channel, count(*)::int as n from outbox_messages where status = 'queued' group by channel",
};
const CLAIM: Statement = {
  name: 'knotwork_outbox_claim',
  text: `update outbox_messages set next_attempt_at = now() + make_interval(secs => $1), attempts = attempts + 1
    where id in (
      select id from outbox_messages
      where status = 'queued' and next_attempt_at <= now() and channel = any($2::text[])
      order by next_attempt_at limit $3
      for update skip locked)
    returning id, channel, recipient, subject, body, attempts`,
};
const SENT: Statement = {
  name: 'knotwork_outbox_sent',
  text: "update outbox_messages set status = 'sent', sent_at = now(), last_error = null where id = $1",
};
const RETRY: Statement = {
  name: 'knotwork_outbox_retry',
  text: `update outbox_messages set last_error = $2, status = $3,
    next_attempt_at = now() + make_interval(secs => $4) where id = $1`,
};

/** A statement on the system connection, in its own transaction. */
async function run<R>(database: Database, statement: Statement, values: readonly unknown[]): Promise<R[]> {
  return database.asSystem(async (tx: KnotworkTx) => {
    const query = rawQueryOf(tx);
    if (!query) throw new Error('the outbox needs a transaction of asSystem');
    return query<R>(statement, values);
  });
}

interface Claimed {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface OutboxWorker {
  /** One round now: claims, sends and records; answers how many were sent and failed. */
  runOnce(): Promise<{ readonly sent: number; readonly retried: number }>;
  stop(): Promise<void>;
}

export function startOutboxWorker(options: {
  readonly database: Database;
  readonly channels: readonly MessageChannel[];
  readonly log: (line: string) => void;
  /** Milliseconds between rounds; 0: no timer (call runOnce). */
  readonly everyMs?: number;
  readonly batch?: number;
}): OutboxWorker {
  const { database, log } = options;
  const batch = options.batch ?? 20;
  const ready = options.channels.filter((c) => c.configured);
  const byKind = new Map(ready.map((c) => [c.kind, c]));
  let warned = false;

  async function warnUnconfigured(): Promise<void> {
    if (warned) return;
    const idle = options.channels.filter((c) => !c.configured);
    if (idle.length === 0) return;
    const rows = await run<{ channel: string; n: number }>(database, COUNT_QUEUED, []);
    for (const c of idle) {
      const n = rows.find((r) => r.channel === c.kind)?.n ?? 0;
      if (n > 0) {
        warned = true;
        log(`outbox: ${n} ${c.kind} message(s) stay queued: ${c.why ?? 'channel not configured'}`);
      }
    }
  }

  async function runOnce() {
    await warnUnconfigured();
    if (ready.length === 0) return { sent: 0, retried: 0 };
    const claimed = await run<Claimed>(database, CLAIM, [LEASE_SECONDS, ready.map((c) => c.kind), batch]);
    let sent = 0;
    let retried = 0;
    for (const m of claimed) {
      const channel = byKind.get(m.channel);
      try {
        if (!channel) throw new Error(`no ${m.channel} channel`);
        await channel.send(m);
        sent++;
        await run(database, SENT, [m.id]);
      } catch (error) {
        retried++;
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const failed = m.attempts >= MAX_ATTEMPTS;
        await run(database, RETRY, [m.id, reason, failed ? 'failed' : 'queued', backoffSeconds(m.attempts)]);
        log(
          `outbox: ${m.channel} message ${m.id} attempt ${m.attempts} failed (${reason})${failed ? ': gave up' : ''}`,
        );
      }
    }
    return { sent, retried };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const everyMs = options.everyMs ?? 5_000;
  const tick = () => {
    running = runOnce()
      .catch((error: unknown) =>
        log(`outbox: round failed (${error instanceof Error ? error.message : String(error)})`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs).unref();
      });
  };
  if (everyMs > 0) timer = setTimeout(tick, 0).unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
