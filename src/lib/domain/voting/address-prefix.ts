/**
 * The network a voter's address belongs to: the /24 of an IPv4 address, the /48 of an IPv6 one (what an
 * office, a campus or a home usually shares). IPv4-mapped IPv6 (::ffff:1.2.3.4) counts as IPv4. Returns
 * a canonical text ("1.2.3.0/24", "2001:db8:1::/48") or "unknown" for what is no address.
 */
export function addressPrefix(address: string): string {
	const text = address.trim().replace(/^\[|\]$/g, '').split('%')[0]!;
	const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	const v4 = ipv4Octets(mapped ? mapped[1]! : text);
	if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0/24`;
	const groups = ipv6Groups(text);
	if (!groups) return 'unknown';
	// ::ffff:0102:0304 (mapped, written in hex)
	if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.0/24`;
	return `${groups.slice(0, 3).map((group) => group.toString(16)).join(':')}::/48`;
}

function ipv4Octets(text: string): number[] | null {
	const parts = text.split('.');
	if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
	const octets = parts.map(Number);
	return octets.every((octet) => octet <= 255) ? octets : null;
}

function ipv6Groups(text: string): number[] | null {
	if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return null;
	const halves = text.split('::');
	if (halves.length > 2) return null;
	const parse = (half: string): number[] | null => {
		if (half === '') return [];
		const result: number[] = [];
		const parts = half.split(':');
		for (const [index, part] of parts.entries()) {
			if (index === parts.length - 1 && part.includes('.')) {
				const v4 = ipv4Octets(part);
				if (!v4) return null;
				result.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
			} else if (/^[0-9a-fA-F]{1,4}$/.test(part)) result.push(parseInt(part, 16));
			else return null;
		}
		return result;
	};
	const head = parse(halves[0]!);
	const tail = halves.length === 2 ? parse(halves[1]!) : [];
	if (!head || !tail) return null;
	if (halves.length === 1) return head.length === 8 ? head : null;
	if (head.length + tail.length > 7) return null;
	return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
