// Keeps a page's live meeting view fresh: listens to the meeting's event stream, which sends the view
// whole when it opens and after every change (composed once on the server for everyone who sees it
// alike), and holds the newest. Only what is the reader's own (their rights) is loaded again: when the
// stream says they changed, or a change names the reader.
import { invalidate } from '$app/navigation';

export const LIVE_MEETING = 'app:live-meeting';

interface Change {
	what: string;
	about?: string[];
}

export class MeetingFollower<T> {
	state = $state<'connecting' | 'live' | 'reconnecting'>('connecting');
	/** The newest view the stream sent; null until the first arrives. */
	view = $state.raw<T | null>(null);
	/** When the view last arrived. */
	refreshedAt = $state<Date | null>(null);
	#source: EventSource | undefined;

	/**
	 * @param url the event stream
	 * @param membershipId the reader's membership, for changes that name them (standing in, say)
	 */
	constructor(
		private readonly url: string,
		private readonly membershipId?: string
	) {}

	start(): () => void {
		const source = new EventSource(this.url);
		this.#source = source;
		source.addEventListener('open', () => (this.state = 'live'));
		// One stream sends its views in order, the newest last.
		source.addEventListener('snapshot', (event) => {
			this.view = (JSON.parse(event.data) as { data: T }).data;
			this.refreshedAt = new Date();
		});
		source.addEventListener('change', (event) => {
			const change = JSON.parse(event.data) as Change;
			if (this.membershipId && change.about?.includes(this.membershipId))
				void invalidate(LIVE_MEETING);
		});
		source.addEventListener('rights', () => void invalidate(LIVE_MEETING));
		// The server ends the stream when this person may no longer follow the meeting (signed out,
		// removed): reloading shows them where they stand (the sign-in page, or what they may still see).
		source.addEventListener('closed', () => {
			this.stop();
			location.reload();
		});
		source.addEventListener('error', () => {
			this.state = source.readyState === EventSource.CLOSED ? 'connecting' : 'reconnecting';
		});
		return () => this.stop();
	}

	stop(): void {
		this.#source?.close();
		this.#source = undefined;
	}
}

/** The meeting's documents page: reloaded when the record it lists changes. */
export const MEETING_DOCUMENTS = 'app:meeting-documents';

/** Edits come in bursts (a title typed into the pack): one reload once they pause. */
const SETTLE_MS = 400;

/**
 * Reloads the data that depends on `dependency` when the meeting's API event stream says one of `parts`
 * changed (the papers projected from the evidence pack, say), once the changes pause. Returns the way to
 * stop.
 */
export function reloadOnChange(meetingId: string, parts: string[], dependency: string): () => void {
	const source = new EventSource(`/api/v1/meetings/${meetingId}/events`);
	let timer: ReturnType<typeof setTimeout> | undefined;
	source.addEventListener('change', (event) => {
		const { what } = JSON.parse(event.data) as Change;
		if (!parts.includes(what)) return;
		clearTimeout(timer);
		timer = setTimeout(() => void invalidate(dependency), SETTLE_MS);
	});
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
