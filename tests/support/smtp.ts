// A real SMTP server in the test process: it receives what the app sends through SMTP_URL and parses each
// message (mailparser). It can be told to refuse mail for a while, to prove the sender retries.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
	to: string;
	subject: string;
	text: string;
	headers: ParsedMail['headers'];
	/** A header's value as sent (unfolded), by its lower-case name. */
	header: (name: string) => string | undefined;
	/** The calendar attachment's text, if there is one. */
	ics: string | null;
}

export interface TestSmtp {
	url: string;
	received: Received[];
	/** While true, every message is refused with a temporary failure (451). */
	refuse: boolean;
	/** How many messages were refused. */
	refused: number;
	close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
	const state: TestSmtp = {
		url: '',
		received: [],
		refuse: false,
		refused: 0,
		close: async () => undefined
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				if (state.refuse) {
					state.refused++;
					const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
					callback(error);
					return;
				}
				simpleParser(Buffer.concat(chunks)).then((mail) => {
					const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
					const calendar = mail.attachments.find((a) => /calendar|ics/.test(a.contentType ?? ''));
					state.received.push({
						to: to?.value[0]?.address ?? '',
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						headers: mail.headers,
						header: (name) =>
							mail.headerLines
								.find((h) => h.key === name)
								?.line.replace(/^[^:]*:\s*/, '')
								.replace(/\r?\n\s+/g, ' '),
						ics: calendar ? calendar.content.toString('utf8') : null
					});
					callback();
				}, callback);
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	state.url = `smtp://127.0.0.1:${port}`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return state;
}

/** Polls until `find` gives something (no fixed sleeps), or fails after `timeoutMs`. */
export async function eventually<T>(
	find: () => T | undefined | null | false | Promise<T | undefined | null | false>,
	what: string,
	timeoutMs = 15_000
): Promise<T> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const found = await find();
		if (found) return found;
		if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Waits for the first message to `email` whose subject matches. */
export function mailTo(smtp: TestSmtp, email: string, subject: RegExp): Promise<Received> {
	return eventually(
		() => smtp.received.find((m) => m.to === email && subject.test(m.subject)),
		`mail to ${email} matching ${subject}`
	);
}
