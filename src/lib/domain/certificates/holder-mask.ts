/**
 * A holder's name as the public verification page shows it: the first and last characters kept and
 * everything between masked (张*明, 欧阳**华); a two-character name keeps its first (张*). Characters
 * are counted as people read them (code points), so rare characters outside the BMP are not split.
 */
export function maskHolderName(name: string): string {
	const characters = Array.from(name.trim());
	if (characters.length <= 1) return characters.join('');
	if (characters.length === 2) return `${characters[0]}*`;
	return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
