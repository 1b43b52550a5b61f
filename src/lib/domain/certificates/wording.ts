/** What a certificate's wording may name; each appears in the template as {key}. */
export interface CertificateFacts {
	name: string;
	award: string;
	event: string;
	competition: string;
	unit: string;
}

export const WORDING_PLACEHOLDERS = ['name', 'award', 'event', 'competition', 'unit'] as const;

/**
 * The template's body with its placeholders filled ({name} → 张三). An unknown placeholder stays as
 * written, so a typo shows on the preview instead of vanishing.
 */
export function fillWording(body: string, facts: CertificateFacts): string {
	return body.replace(/\{(\w+)\}/g, (whole, key: string) => ((WORDING_PLACEHOLDERS as readonly string[]).includes(key) ? facts[key as keyof CertificateFacts] : whole));
}
