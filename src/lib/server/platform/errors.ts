// The few ways a command can fail. Domain functions throw these; one place (web/http.ts) turns them into
// HTTP answers and form failures, so every route reports errors the same way.

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

export class Invalid extends DomainError {
	constructor(
		readonly fields: FieldErrors,
		message = 'Some of the details need correcting.'
	) {
		super(400, 'validation_failed', message);
	}
}

export class Unauthenticated extends DomainError {
	constructor(message = 'Please sign in.', code = 'unauthenticated') {
		super(401, code, message);
	}
}

export class Forbidden extends DomainError {
	constructor(message = 'Your role in this partnership does not allow this.') {
		super(403, 'forbidden', message);
	}
}

/** Also used for records of partnerships the caller does not belong to, so none of them is revealed. */
export class NotFound extends DomainError {
	constructor(what = 'record') {
		super(404, 'not_found', `No such ${what}.`);
	}
}

/**
 * The precise reasons a command conflicts with the record's state that a client or page acts on: they
 * branch on the code, never on the message, which is for people and may be reworded.
 */
export type ConflictCode =
	| 'conflict'
	/** Too few voting members present to decide; the chair may confirm going ahead without a quorum. */
	| 'not_quorate'
	/** A published review is frozen until it is reopened. */
	| 'review_published'
	| 'review_reopened'
	/** The forum has already changed its verdict once. */
	| 'verdict_final'
	/** A resident's emailed confirmation link has been used, or has expired. */
	| 'link_used'
	| 'link_expired';

export class Conflict extends DomainError {
	declare readonly code: ConflictCode;

	constructor(
		message: string,
		/** The steps that would follow from the record's state, where the answer can name them. */
		readonly allowed?: readonly string[],
		/** A more precise code for clients that act on it, e.g. 'review_published'. */
		code: ConflictCode = 'conflict'
	) {
		super(409, code, message);
	}
}

export class TooLarge extends DomainError {
	constructor(message = 'The request is too large.') {
		super(413, 'too_large', message);
	}
}

export class RateLimited extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
	}
}
