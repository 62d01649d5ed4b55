// SvelteKit's import aliases ($lib, and kit.alias in svelte.config.js) as a webpack-style resolve.alias, for
// dependency-cruiser (.dependency-cruiser.cjs): the paths in .svelte-kit/tsconfig.json are relative to that
// folder, which its tsconfig reader takes as relative to the project instead.
const { resolve } = require('node:path');

// From where the check runs: the project, or a fixture laid out like it (tests/unit/import-rules.test.ts).
const root = process.cwd();

module.exports = {
	resolve: {
		alias: {
			$lib: resolve(root, 'src/lib'),
			$generated: resolve(root, 'src/generated')
		}
	}
};
