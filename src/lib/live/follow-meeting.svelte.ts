// Keeps a page's live meeting data fresh: listens to the meeting's event stream and reloads the data that
// depends on LIVE_MEETING whenever someone changes the record. Reloads once more whenever the stream
// opens, in case a change was missed before it was connected or while it was down.
import { invalidate } from '$app/navigation';

export const LIVE_MEETING = 'app:live-meeting';

/** Bursts of changes (a decision and its audit, say) cause one reload, not several. */
const COALESCE_MS = 40;

export class MeetingFollower {
	state = $state<'connecting' | 'live' | 'reconnecting'>('connecting');
	/** When the data was last reloaded because of a change. */
	refreshedAt = $state<Date | null>(null);
	#source: EventSource | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly meetingId: string) {}

	start(): () => void {
		const source = new EventSource(`/api/v1/meetings/${this.meetingId}/events`);
		this.#source = source;
		source.addEventListener('open', () => {
			// Also on the first opening: a change may have come between the page's load and now.
			this.#refresh();
			this.state = 'live';
		});
		source.addEventListener('change', () => this.#refresh());
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
		clearTimeout(this.#timer);
		this.#source?.close();
		this.#source = undefined;
	}

	#refresh(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(async () => {
			await invalidate(LIVE_MEETING);
			this.refreshedAt = new Date();
		}, COALESCE_MS);
	}
}
