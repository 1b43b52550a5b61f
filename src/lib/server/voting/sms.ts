/**
 * Sending one-time codes for `verified` voting. The provider is chosen by environment:
 * JIANGXIN_SMS_PROVIDER=log — the development provider: writes the code to the server log (tests read it
 * there); unset — none, and `verified` cannot be chosen. A real gateway is one more implementation of
 * SmsProvider behind the same switch.
 */
export interface SmsProvider {
	readonly name: string;
	sendCode(phone: string, code: string, purpose: string): Promise<void>;
}

const logProvider: SmsProvider = {
	name: 'log',
	async sendCode(phone, code, purpose) {
		console.info(JSON.stringify({ level: 'info', msg: 'sms.code', provider: 'log', phone, code, purpose }));
	}
};

export function smsProvider(): SmsProvider | null {
	const name = process.env.JIANGXIN_SMS_PROVIDER?.trim();
	if (!name) return null;
	if (name === 'log') return logProvider;
	throw new Error(`JIANGXIN_SMS_PROVIDER=${name} is not a known SMS provider (known: log).`);
}

export const isSmsConfigured = () => smsProvider() !== null;
