// The public gallery's view of a meeting held in public, as the server composes it once for every
// signed-out follower (minutes/public-gallery.ts) and the gallery page shows it.
import type {
	ChallengeKind,
	DecisionOutcome,
	ItemPurpose,
	MeetingStatus,
	ResponseStatus
} from '../vocabulary.ts';

/** Someone on the floor, as the public sees them: their name and organisation. */
export interface GallerySpeaker {
	name: string;
	organisationName: string;
}

export interface GalleryView {
	partnership: { slug: string; name: string };
	meeting: {
		id: string;
		title: string;
		body: string;
		startsAt: string;
		status: MeetingStatus;
		place: string;
	};
	/** The meeting is on an item taken in private: nothing of it is shown until it moves on. */
	privateSession: boolean;
	/** The public item under discussion, and since when. */
	current: { number: number; title: string; purpose: ItemPurpose; since: string | null } | null;
	speaking: GallerySpeaker | null;
	/** Waiting to speak on the current item, in the order they asked. */
	queue: GallerySpeaker[];
	/** The public agenda, numbered as the public record numbers it. */
	agenda: { number: number; title: string; purpose: ItemPurpose; current: boolean }[];
	challenges: {
		id: string;
		itemTitle: string;
		kind: ChallengeKind;
		raisedBy: GallerySpeaker;
		/** The organisation asked to answer, if one was named. */
		directedTo: string | null;
		/** The paper challenged, by the name the public may read; null for a challenge not on a paper. */
		paper: string | null;
		quote: string;
		text: string;
		at: string;
		responses: { by: GallerySpeaker | null; text: string; status: ResponseStatus; at: string }[];
	}[];
	/** Decisions as they are frozen: the latest version of each, newest last. */
	decisions: {
		itemTitle: string;
		outcome: DecisionOutcome;
		wording: string;
		version: number;
		recordedAt: string;
	}[];
}
