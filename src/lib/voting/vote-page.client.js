// The public voting page's only script of its own (the page is server-rendered, without SvelteKit's
// client): gives the ALTCHA widget the page's words, starts it, and lets the vote buttons work once a
// proof is solved. Shipped as is (no bundling), after the widget's own script.

/** @typedef {HTMLElement & { configure: (config: Record<string, unknown>) => Promise<void>; verify: () => Promise<unknown> }} AltchaWidget */

const host = /** @type {HTMLElement | null} */ (document.querySelector('[data-vote-proof]'));
if (host) {
	const strings = JSON.parse(host.dataset.strings || '{}');
	const altcha = /** @type {{ $altcha?: { i18n: { set: (language: string, strings: Record<string, string>) => void }; algorithms: Map<string, () => Worker> } }} */ (globalThis).$altcha;
	altcha?.i18n.set('jx', strings);
	altcha?.algorithms.set('SHA-256', () => new Worker(host.dataset.worker ?? ''));
	/** @param {boolean} ready */
	const setReady = (ready) => document.querySelectorAll('button[name="entryId"]').forEach((button) => ((/** @type {HTMLButtonElement} */ (button)).disabled = !ready));
	setReady(false);
	const widget = /** @type {AltchaWidget} */ (document.createElement('altcha-widget'));
	widget.addEventListener('statechange', (event) => setReady(/** @type {CustomEvent<{ state?: string }>} */ (event).detail?.state === 'verified'));
	host.append(widget);
	// Started here once, not also with the widget's `auto: 'onload'`: a second start aborts the first, whose
	// empty result the widget then reports as "Failed to find solution" (and each start costs a challenge).
	customElements.whenDefined('altcha-widget').then(async () => {
		await widget.configure({ challenge: host.dataset.challenge, language: 'jx', name: 'altcha', hideFooter: true, hideLogo: true });
		await widget.verify();
	});
	// One vote per proof: a second click before the page answers would only be refused.
	document.querySelector('form[data-vote-form]')?.addEventListener('submit', () => setTimeout(() => setReady(false)));
}

// Search as you type; the GET form still works without this.
const search = /** @type {HTMLInputElement | null} */ (document.querySelector('#vote-search'));
search?.addEventListener('input', () => {
	const text = search.value.trim();
	document.querySelectorAll('[data-candidate]').forEach((item) => {
		const card = /** @type {HTMLElement} */ (item);
		card.hidden = !!text && !(card.dataset.candidate ?? '').includes(text);
	});
});
