// A server-sent event stream read as a browser's EventSource would: each event's name and its data as
// parsed JSON (and as sent), collected until the test stops listening.
export interface StreamEvent {
	event: string;
	data: unknown;
	/** The data as it was sent. */
	text: string;
}

export async function listen(url: string, cookie = '') {
	const controller = new AbortController();
	const response = await fetch(url, {
		headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
		signal: controller.signal
	});
	const events: StreamEvent[] = [];
	let buffer = '';
	const reading = (async () => {
		if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return;
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffer += value;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const event = /^event: (.*)$/m.exec(block)?.[1];
					const text = /^data: (.*)$/m.exec(block)?.[1];
					if (event && text) events.push({ event, data: JSON.parse(text), text });
				}
			}
		} catch {
			// aborted
		}
	})();
	return {
		response,
		events,
		/** The events named `name` so far. */
		named: (name: string) => events.filter((e) => e.event === name),
		stop: async () => {
			controller.abort();
			await reading;
		}
	};
}

/** Polls `check` until it holds or `ms` pass; whether it held. */
export async function until(check: () => boolean, ms = 3000): Promise<boolean> {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
	return check();
}
