// Ports: the seams where this process meets what may later live outside it — the live event bus, the
// revocation channel, the open shared documents, the sign-in attempt counters and the file store. Each
// concept declares its port here with an in-process implementation as the default (what unit tests and
// `vite dev` use); the production start-up (server/start/) installs the implementations it chose, once,
// before serving. Running several instances (Redis fan-out, PostgreSQL storage) adds implementations and
// installs them there; the domain code that uses a port does not change.

export interface Port<T> {
	/** What the port is for, in error messages and logs. */
	readonly name: string;
	/** The installed implementation, or the in-process default, made on first use. */
	use(): T;
	/** Chooses the implementation for this process. */
	install(implementation: T): void;
	/** Runs `work` with `implementation` installed, then puts back whatever was there before. */
	installedDuring<R>(implementation: T, work: () => Promise<R>): Promise<R>;
}

export function definePort<T>(name: string, inProcess: () => T): Port<T> {
	let current: T | undefined;
	return {
		name,
		use: () => (current ??= inProcess()),
		install(implementation) {
			current = implementation;
		},
		async installedDuring(implementation, work) {
			const before = current;
			current = implementation;
			try {
				return await work();
			} finally {
				current = before;
			}
		}
	};
}
