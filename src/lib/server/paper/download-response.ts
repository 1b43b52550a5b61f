/** A file download (PDF, xlsx); the file name is sent in both forms so Chinese names survive every browser. */
export function downloadResponse(file: { fileName: string; bytes: Buffer }, type = 'application/pdf'): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'no-store'
		}
	});
}
