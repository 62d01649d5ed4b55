// A person's access, built once per request (and per sync decision): the answers the database gave about
// their membership, seats and roles are remembered, so the layouts, the page's loads and the domain
// functions a request calls ask each question of the database once, however many of them ask it.
//
// hooks.server.ts begins one for each signed-in request (`locals.access`); the question functions in
// permissions.ts and priority-access.ts look it up by the actor they are given, so their signatures and
// their checks stay as they were. An actor with no access begun (a test calling the domain, the CLI)
// asks the database every time, as before.
//
// Any write in this process starts the answers over: a command that changes a seat, a role or a
// meeting's status, and then shows the result in the same request, sees the new state.
import type { Actor } from './actor.ts';
import { accessQuestion, writeGeneration } from '../platform/index.ts';

export class Access {
	#answers = new Map<string, Promise<unknown>>();
	#generation = writeGeneration();

	constructor(readonly actor: Actor) {}

	/** The answer to `question`, asked of the database once until it is next written. */
	remember<T>(question: string, ask: () => Promise<T>): Promise<T> {
		if (this.#generation !== writeGeneration()) {
			this.#answers.clear();
			this.#generation = writeGeneration();
		}
		let answer = this.#answers.get(question) as Promise<T> | undefined;
		if (!answer) {
			answer = accessQuestion(ask);
			this.#answers.set(question, answer);
		}
		return answer;
	}
}

const begun = new WeakMap<Actor, Access>();

/** Starts remembering the actor's access for as long as this actor object lives (one request). */
export function beginAccess(actor: Actor): Access {
	const access = new Access(actor);
	begun.set(actor, access);
	return access;
}

/** Asks through the actor's access if one was begun, else straight away. */
export function remembered<T>(actor: Actor, question: string, ask: () => Promise<T>): Promise<T> {
	const access = begun.get(actor);
	return access ? access.remember(question, ask) : accessQuestion(ask);
}
