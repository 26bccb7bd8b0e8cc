import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** smtp://host:port (or smtps://user:pass@host:port); without it, mails are written to the log. */
  smtpUrl: string | null;
  from: string;
}

/** Mail goes through the configured SMTP server; with none configured it is logged, never lost silently. */
export function createMailer(config: MailConfig, log: (line: string) => void = console.log): Mailer {
  if (!config.smtpUrl) {
    return {
      async send(message) {
        log(`[courriel non envoyé : SMTP_URL absent] À : ${message.to} — ${message.subject}\n${message.text}`);
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
    close: () => transport.close(),
  };
}
