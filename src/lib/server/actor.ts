// Who is acting: always taken from the session or access token on the server, never from a request body.

export interface Actor {
	userId: string;
	email: string;
	name: string;
	/** How this request was authenticated; a session id lets sign-out end just this browser. */
	via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
}
