// Which way imports may go, checked by dependency-cruiser in `npm test` (scripts/check-deps.js) and by
// `npm run check:deps`. The house: routes → web → concept faces → platform; shared client-safe code in
// src/lib beside server/, which it never imports. Svelte components' type-only imports are invisible to
// the tool (Svelte 5 compiles them away), so scripts/check-deps.js reads those itself.
const { resolve } = require('node:path');
/** src/lib/server's concepts, lowest first: each may import only the faces of those before it. */
const CONCEPTS = [
	'platform',
	'access',
	'auth',
	'structure',
	'notify',
	'meetings',
	'decisions',
	'review',
	'minutes',
	'priorities',
	'outcomes',
	'home',
	'web'
];
const SERVER = '^src/lib/server/';
const FACE = `${SERVER}[^/]+/index\\.ts$`;
/** Code that runs in the browser, or may: it must never load server code, not even for a type. */
const CLIENT = [
	'^src/lib/(components|collab|live|review|views)/',
	'^src/lib/[^/]+\\.ts$',
	'\\.svelte$',
	'(^|/)\\+(page|layout)\\.ts$'
];

const layers = CONCEPTS.slice(0, -1).map((concept, i) => ({
	name: `${concept}-imports-only-below`,
	comment: `${concept}/ may import only the concepts below it (${CONCEPTS.slice(0, i).join(', ') || 'none'}).`,
	severity: 'error',
	from: { path: `${SERVER}${concept}/` },
	to: { path: `${SERVER}(${CONCEPTS.slice(i + 1).join('|')})/` }
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			comment:
				'No import loops, type-only imports included. A recursive Svelte component may import itself.',
			severity: 'error',
			from: { path: '(.+)' },
			to: { circular: true, pathNot: '^$1$' }
		},
		...layers,
		{
			name: 'concepts-meet-at-faces',
			comment: 'A concept imports another only through its face (index.ts), never its internals.',
			severity: 'error',
			from: { path: `${SERVER}([^/]+)/` },
			to: { path: SERVER, pathNot: [`${SERVER}$1/`, FACE] }
		},
		{
			name: 'outside-meets-faces',
			comment:
				'Routes, the sync server, seed/, tests and shared code import a concept only through its face.',
			severity: 'error',
			from: { pathNot: SERVER },
			to: { path: SERVER, pathNot: FACE }
		},
		{
			name: 'client-never-imports-server',
			comment:
				'Client code takes its shared types from client-safe modules in src/lib, never from server/.',
			severity: 'error',
			from: { path: CLIENT },
			to: { path: SERVER }
		},
		{
			name: 'nothing-imports-routes',
			comment: 'Route files are the top of the house: only their own folder-mates import them.',
			severity: 'error',
			from: { pathNot: '^src/routes/' },
			to: { path: '^src/routes/' }
		},
		{
			name: 'imports-resolve',
			comment:
				"An import the checker cannot follow would hide its edges; SvelteKit's virtual modules aside.",
			severity: 'error',
			from: {},
			to: {
				couldNotResolve: true,
				pathNot: ['^\\$(app|env|service-worker)(/|$)', '(^|/)\\$types$']
			}
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: {
			path: '^(node_modules|build|\\.svelte-kit|src/generated|tests/\\.tmp|bench/\\.tmp)/'
		},
		// Type-only imports count: a loop through types is still a loop for the reader.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: resolve(__dirname, 'tsconfig.json') },
		// SvelteKit's aliases, given as the resolver takes them: it misreads the generated tsconfig's paths.
		webpackConfig: { fileName: resolve(__dirname, 'scripts/import-aliases.cjs') },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			mainFields: ['module', 'main', 'types']
		}
	}
};
