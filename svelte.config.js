import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// SvelteKit's CSRF check compares Origin with ORIGIN; server.js defaults ORIGIN for zero setup.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
