import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveKey, forgetKeys } from '../crypto/personal-data';
import { addressPrefixHash, deviceVoterKey, newVoterToken, readVoterToken, userAgentHash } from './voter-identity';

const FIRST_SECRET = 'd'.repeat(64);
const SECOND_SECRET = 'e'.repeat(64);
const previousSecret = process.env.JIANGXIN_SECRET_KEY;

function useSecret(secret: string) {
	process.env.JIANGXIN_SECRET_KEY = secret;
	forgetKeys();
}

/** The keyed hash as stored, computed here without the remembered values. */
const expected = (text: string) => createHmac('sha256', deriveKey('voter-token')).update(text).digest('base64url');

afterAll(() => {
	if (previousSecret === undefined) delete process.env.JIANGXIN_SECRET_KEY;
	else process.env.JIANGXIN_SECRET_KEY = previousSecret;
	forgetKeys();
});

describe('remembered voter hashes', () => {
	it('are the keyed hashes of the prefix, the user agent and the device, asked once or many times', () => {
		useSecret(FIRST_SECRET);
		for (let round = 0; round < 3; round++) {
			expect(addressPrefixHash('10.1.2.3')).toBe(expected('prefix:10.1.2.0/24'));
			expect(addressPrefixHash('10.1.2.200')).toBe(expected('prefix:10.1.2.0/24'));
			expect(addressPrefixHash(null)).toBe(expected('prefix:unknown'));
			expect(userAgentHash('MicroMessenger/8.0')).toBe(expected('ua:MicroMessenger/8.0'));
			expect(deviceVoterKey('AAAAAAAAAAAAAAAAAAAAAA')).toBe(`d:${expected('device:AAAAAAAAAAAAAAAAAAAAAA')}`);
		}
	});

	it('follow a change of the installation key instead of answering with the old one', () => {
		useSecret(FIRST_SECRET);
		const before = addressPrefixHash('10.9.9.9');
		useSecret(SECOND_SECRET);
		expect(addressPrefixHash('10.9.9.9')).not.toBe(before);
		expect(addressPrefixHash('10.9.9.9')).toBe(expected('prefix:10.9.9.0/24'));
	});

	it('stay right past the bound (many devices in one burst)', () => {
		useSecret(FIRST_SECRET);
		const ids = Array.from({ length: 25_000 }, (_, index) => String(index).padStart(22, 'A'));
		for (const id of ids) deviceVoterKey(id);
		for (const id of [ids[0]!, ids[12_345]!, ids.at(-1)!]) expect(deviceVoterKey(id)).toBe(`d:${expected(`device:${id}`)}`);
	});

	it('read a device token the same way every time it comes back, and refuse a forged or stale one', () => {
		useSecret(FIRST_SECRET);
		const token = newVoterToken();
		const [id, signature] = token.split('.') as [string, string];
		expect(signature).toBe(expected(`token:${id}`));
		for (let vote = 0; vote < 5; vote++) expect(readVoterToken(token)).toBe(id);
		const forged = `${id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
		expect(readVoterToken(forged)).toBeNull();
		expect(readVoterToken(`${'B'.repeat(22)}.${signature}`)).toBeNull();
		// A new installation key: a token signed with the old one is no longer ours, though it was remembered.
		useSecret(SECOND_SECRET);
		expect(readVoterToken(token)).toBeNull();
		const renewed = newVoterToken();
		expect(readVoterToken(renewed)).toBe(renewed.split('.')[0]);
	});
});
