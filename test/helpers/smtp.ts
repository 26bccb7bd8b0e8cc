import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface TestSmtp {
  url: string;
  messages: ReceivedMail[];
  /** Messages whose data started to arrive (accepted or not yet). */
  receiving(): number;
  /** Waits for the n-th message (1-based) to arrive. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives, parsed; `delayMs` holds each message that
 * long before accepting it (a slow mail relay).
 */
export async function startTestSmtp(options: { delayMs?: number } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let receiving = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      receiving++;
      simpleParser(stream)
        .then(async (mail) => {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          return mail;
        })
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
          const attachments = mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') }));
          messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', attachments });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receiving: () => receiving,
    async waitFor(count, timeoutMs = 5000) {
      const start = Date.now();
      while (messages.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`courriel n°${count} non reçu après ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages[count - 1]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
