// The ALTCHA widget (its minified build without inline styles, CSP-compatible) and the voting page's
// script, emitted by Vite as files of their own: the voting page loads them with plain tags.
import altchaScript from '../../../node_modules/altcha/dist/external/altcha.min.js?url&no-inline';
import altchaStyles from '../../../node_modules/altcha/dist/external/altcha.css?url';
import votePageScript from './vote-page.client.js?url&no-inline';
// The SHA-256 solver runs in a Web Worker from our own origin (the widget's external build has none built in).
import shaWorker from '../../../node_modules/altcha/dist/workers/sha.js?url&no-inline';

export const VOTE_PAGE_ASSETS = { altchaScript, altchaStyles, votePageScript, shaWorker };
