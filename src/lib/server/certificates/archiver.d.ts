// archiver 5 ships no types (and @types/archiver is not a dependency): the little the bulk zip uses.
declare module 'archiver' {
	import type { Transform } from 'node:stream';
	interface Archiver extends Transform {
		append(source: Buffer | NodeJS.ReadableStream | string, data: { name: string }): this;
		finalize(): Promise<void>;
	}
	function archiver(format: 'zip', options?: { store?: boolean; zlib?: { level?: number } }): Archiver;
	export default archiver;
}
