import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'data/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Internal links are built by src/lib/routes.ts; resolve() would add nothing for this app (no base path).
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Domain code is pure: no I/O, no framework, no clock (STYLE.md §3).
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['$app/*', '$env/*', '$lib/server/*', 'postgres', 'socket.io', 'node:*'] }],
			'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take `now` as an argument.' }]
		}
	}
);
