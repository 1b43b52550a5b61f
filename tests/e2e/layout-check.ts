import type { Page } from '@playwright/test';

/**
 * What a person would see as broken layout on the current page: the page scrolling sideways, or a
 * table cell cut off — its content wider than the cell, or the cell running past the visible box of
 * the element that scrolls it, unless that element is a scroll region the keyboard can reach
 * (tabindex=0, with a name). Returns one line per problem; empty when the page is fine.
 */
export function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const name = (element: Element) =>
			`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
		const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
		if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);
		const scroller = (element: Element): HTMLElement | null => {
			for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
				if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return parent;
			return null;
		};
		const isReachableRegion = (element: HTMLElement) =>
			element.tabIndex === 0 && (element.getAttribute('aria-label') ?? element.getAttribute('aria-labelledby') ?? '') !== '';
		for (const cell of document.querySelectorAll<HTMLElement>('table, th, td')) {
			if (cell.getClientRects().length === 0) continue;
			if (cell.tagName !== 'TABLE' && cell.scrollWidth > cell.clientWidth + 1)
				problems.push(`${name(cell)} is cut off: content ${cell.scrollWidth}px in ${cell.clientWidth}px`);
			const box = scroller(cell);
			const limit = box ? box.getBoundingClientRect().right : document.documentElement.clientWidth;
			const right = cell.getBoundingClientRect().right;
			if (right > limit + 1 && !(box && isReachableRegion(box)))
				problems.push(`${name(cell)} runs ${Math.round(right - limit)}px past ${box ? `its scroll box (${name(box).slice(0, 30)})` : 'the window'} with no cue`);
		}
		return [...new Set(problems)].slice(0, 20);
	});
}
