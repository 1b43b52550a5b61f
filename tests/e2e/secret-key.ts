/**
 * The personal-data key of the end-to-end server (playwright.config.ts passes it as JIANGXIN_SECRET_KEY),
 * so entries seeded straight into the database encrypt and hash ID numbers the way the server does.
 * A test key, used nowhere else.
 */
export const E2E_SECRET_KEY = 'e2e0000000000000000000000000000000000000000000000000000000000e2e';
