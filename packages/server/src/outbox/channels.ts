// Where outbox messages go. Email goes over SMTP with nodemailer to KNOTWORK_SMTP_URL
// (smtp://user:pass@host:587, smtps://... for TLS from the start); from KNOTWORK_SMTP_FROM. SMS has
// an adapter interface only: no provider is built in. A channel that is not configured leaves its
// messages queued (they go once it is configured and the server restarts).
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

export interface MessageChannel {
  /** 'email' or 'sms': the outbox_messages.channel it sends. */
  readonly kind: 'email' | 'sms';
  /** False: messages of this channel stay queued; `why` says what is missing. */
  readonly configured: boolean;
  readonly why?: string;
  /** Resolves once the message is accepted by the next hop; rejects to be retried later. */
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The SMS adapter interface: a provider (an HTTP API, a modem) implements `send` with the
 * recipient as an E.164 number and the body as plain text of at most a few segments. None is
 * configured in Knotwork today; `notConfiguredSms` keeps SMS messages queued.
 */
export type SmsAdapter = MessageChannel & { readonly kind: 'sms' };

export const notConfiguredSms: SmsAdapter = {
  kind: 'sms',
  configured: false,
  why: 'no SMS provider is configured (an SmsAdapter is not built in)',
  send: () => Promise.reject(new Error('no SMS provider is configured')),
};

export function notConfiguredEmail(why = 'KNOTWORK_SMTP_URL is not set'): MessageChannel {
  return { kind: 'email', configured: false, why, send: () => Promise.reject(new Error(why)) };
}

/** Email over SMTP to `url`; `from` is the sender shown. */
export function smtpEmail(url: string, from: string): MessageChannel & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'email',
    configured: true,
    send: async (m) => {
      await transport.sendMail({ from, to: m.recipient, subject: m.subject, text: m.body });
    },
    close: () => transport.close(),
  };
}

export function emailFromEnv(env: NodeJS.ProcessEnv): MessageChannel & { close?(): void } {
  const url = env['KNOTWORK_SMTP_URL'];
  if (url === undefined || url === '') return notConfiguredEmail();
  return smtpEmail(url, env['KNOTWORK_SMTP_FROM'] ?? 'Knotwork <knotwork@localhost>');
}
