// The outbox worker against a real SMTP server (smtp-server, started here on a free port) and a
// real database (PGlite; PostgreSQL too with TEST_DATABASE_URL): a queued message is delivered once
// and marked sent; a refused one is retried with backoff; without SMTP configured messages stay
// queued and the log says so once.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinics, outboxMessages } from '../db/schema.js';
import { openTestPglite, openTestPostgres, TEST_DATABASE_URL, type TestDatabase } from '../app/spec/test-databases.js';
import { notConfiguredEmail, notConfiguredSms, smtpEmail } from './channels.js';
import { backoffSeconds, startOutboxWorker } from './outbox-worker.js';
import { eq } from 'drizzle-orm';

interface Received {
  from: string;
  to: string[];
  data: string;
}

async function startSmtp(refuse: () => boolean) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        if (refuse()) {
          callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const kinds: [string, () => Promise<TestDatabase>][] = [['PGlite', openTestPglite]];
if (TEST_DATABASE_URL) kinds.push(['PostgreSQL', () => openTestPostgres()]);

describe.each(kinds)('the outbox worker on %s', (_, open) => {
  let db: TestDatabase;
  let clinicId = '';
  beforeAll(async () => {
    db = await open();
    clinicId = await db.database.asSystem(async (tx) => {
      const [row] = await tx.insert(clinics).values({ name: 'Outbox clinic' }).returning();
      return row?.id ?? '';
    });
  }, 60_000);
  afterAll(() => db.dispose());

  const queue = (recipient: string) =>
    db.database.asSystem(async (tx) => {
      const [row] = await tx
        .insert(outboxMessages)
        .values({
          clinicId,
          channel: 'email',
          recipient,
          subject: '[Knotwork] Urgent follow-up task',
          body: 'Open the task list.',
        })
        .returning();
      return row?.id ?? '';
    });
  const statusOf = (id: string) =>
    db.database.asSystem(async (tx) => (await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]);

  it('leaves messages queued when SMTP is not configured, and says so once', async () => {
    const id = await queue('nobody@clinic.example');
    const lines: string[] = [];
    const worker = startOutboxWorker({
      database: db.database,
      channels: [notConfiguredEmail(), notConfiguredSms],
      log: (l) => lines.push(l),
      everyMs: 0,
    });
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();
    expect(lines).toEqual(['outbox: 1 email message(s) stay queued: KNOTWORK_SMTP_URL is not set']);
    expect(await statusOf(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('delivers over SMTP once, and retries a refused message with backoff', async () => {
    let refuse = true;
    const smtp = await startSmtp(() => refuse);
    const email = smtpEmail(`smtp://127.0.0.1:${smtp.port}`, 'Knotwork <knotwork@clinic.example>');
    const lines: string[] = [];
    const worker = startOutboxWorker({
      database: db.database,
      channels: [email],
      log: (l) => lines.push(l),
      everyMs: 0,
    });
    try {
      const id = await queue('dr.lee@clinic.example');
      const first = await worker.runOnce();
      expect(first.retried).toBeGreaterThanOrEqual(1);
      const after = await statusOf(id);
      expect(after).toMatchObject({ status: 'queued', attempts: 1 });
      expect(after?.lastError).toMatch(/busy/);
      expect((after?.nextAttemptAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(20_000);
      // Due again now (as if the backoff had passed); the server accepts this time.
      refuse = false;
      await db.database.asSystem((tx) =>
        tx
          .update(outboxMessages)
          .set({ nextAttemptAt: new Date(Date.now() - 1000) })
          .where(eq(outboxMessages.clinicId, clinicId)),
      );
      const second = await worker.runOnce();
      expect(second.sent).toBeGreaterThanOrEqual(1);
      expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      const mail = smtp.received.find((r) => r.to.includes('dr.lee@clinic.example'));
      expect(mail?.from).toBe('knotwork@clinic.example');
      expect(mail?.data).toContain('Subject: [Knotwork] Urgent follow-up task');
      expect((await worker.runOnce()).sent).toBe(0);
    } finally {
      await worker.stop();
      email.close();
      await smtp.close();
    }
  }, 60_000);

  it('backs off 30 s doubling, at most an hour', () => {
    expect([1, 2, 3, 8, 20].map(backoffSeconds)).toEqual([30, 60, 120, 3600, 3600]);
  });
});
