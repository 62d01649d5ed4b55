// An HTTP client that keeps its session cookie like a browser would: one per person in a test.
export class Client {
	cookie = '';
	constructor(
		readonly baseUrl: string,
		readonly bearer?: string,
		/** Sent with every request, e.g. the forwarded address a proxy would add. */
		readonly headers: Record<string, string> = {}
	) {}

	async request(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	) {
		const form = body instanceof FormData;
		const response = await fetch(this.baseUrl + path, {
			method,
			redirect: 'manual',
			headers: {
				...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
				...this.headers,
				...headers
			},
			body:
				body === undefined || form
					? (body as FormData | undefined)
					: typeof body === 'string'
						? body
						: JSON.stringify(body)
		});
		const set = response.headers.getSetCookie().find((c) => c.startsWith('session='));
		if (set) {
			const value = set.split(';')[0];
			this.cookie = value === 'session=' || /max-age=0/i.test(set) ? '' : value;
		}
		const text = await response.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, json, text };
	}

	get(path: string) {
		return this.request('GET', path);
	}
	/**
	 * An event stream read until its first event named `name` has arrived whole, then closed: the status,
	 * and the text received until then (the whole body if the server answered with something else).
	 */
	async firstEvent(path: string, name: string): Promise<{ status: number; text: string }> {
		const stop = new AbortController();
		const response = await fetch(this.baseUrl + path, {
			redirect: 'manual',
			signal: stop.signal,
			headers: { accept: 'text/event-stream', ...(this.cookie ? { cookie: this.cookie } : {}) }
		});
		if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
			return { status: response.status, text: await response.text() };
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let text = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				text += value;
				const at = text.indexOf(`event: ${name}\n`);
				if (at >= 0 && text.indexOf('\n\n', at) >= 0) break;
			}
		} finally {
			stop.abort();
		}
		return { status: response.status, text };
	}
	post(path: string, body?: unknown) {
		return this.request('POST', path, body ?? {});
	}
	patch(path: string, body: unknown) {
		return this.request('PATCH', path, body);
	}
	/**
	 * Sends one file as multipart/form-data, as a browser's file input would: with the site's own Origin,
	 * which SvelteKit's cross-site form check requires of form-encoded posts.
	 */
	upload(path: string, name: string, bytes: Uint8Array, field = 'file') {
		const form = new FormData();
		form.append(field, new File([bytes as Uint8Array<ArrayBuffer>], name));
		return this.request('POST', path, form, { origin: this.baseUrl });
	}
	delete(path: string) {
		return this.request('DELETE', path);
	}

	async login(email: string, password: string) {
		const res = await this.post('/api/v1/auth/login', { email, password });
		if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`);
		return res;
	}
}
