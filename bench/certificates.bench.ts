/**
 * 1,000 certificates (issue 17) rendered through the real renderer into one PDF — A4, the default
 * template's border, title and wording in Noto Sans Hans (embedded, subset), a vector QR code to the
 * verification page, serial and date — beside a bare pdfkit loop in the same run: the same font, the
 * same text on the same pages, nothing else (no QR, no template). Peak RSS is taken in a child process
 * that renders once and does nothing else. Goals: ≤ 2× the plain loop and < 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Figure } from './run';
import type { CertificateLayout, CertificatePrint } from '../src/lib/server/certificates/certificate-pdf';

const COUNT = 1_000;
const RUNS = 3;
const SELF = fileURLToPath(import.meta.url);

const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文');
const GIVEN = Array.from('建国秀兰卫东春华明伟芳娜敏静丽强磊军洋勇艳杰娟涛超霞平刚桂英玉珍志红文斌宇浩凯鹏晨欣怡梓涵子轩一诺思远博文雨泽');
const AWARDS = ['一等奖', '二等奖', '三等奖', '工匠特别奖', '提名奖'];
const EVENTS = ['数控车工', '钳工', '焊工', '电工'];

const layout: CertificateLayout = {
	orientation: 'landscape',
	title: '荣誉证书',
	organiserLine: '安吉县总工会',
	body: '在{competition}（{event}）中荣获{award}，特发此证，以资鼓励。',
	seal: null
};

function prints(): CertificatePrint[] {
	return Array.from({ length: COUNT }, (_, index) => ({
		name: `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}${GIVEN[(index * 13 + 5) % GIVEN.length]}`,
		award: AWARDS[index % AWARDS.length]!,
		event: EVENTS[index % EVENTS.length]!,
		competition: '2026 年全县职工技能竞赛',
		unit: `县第${(index % 40) + 1}机械厂`,
		serial: `AJGJ-2026-${String(index + 1).padStart(4, '0')}`,
		dateText: '2026年5月1日',
		verifyUrl: `https://jiangxin.example.cn/verify/K7QH3XR9M${String(index).padStart(3, '0').replace(/[01]/g, 'A')}`,
		revoked: false
	}));
}

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
	let bytes = 0;
	for await (const chunk of stream) bytes += (chunk as Buffer).length;
	return bytes;
}

/** The real renderer: the same streamed document the bulk download sends. */
async function renderReal(items: CertificatePrint[]): Promise<number> {
	const { pdfStream } = await import('../src/lib/server/certificates/certificate-files');
	return drain(pdfStream(layout, items, async () => {}, async () => {}));
}

/** The floor: pdfkit with the same font writing the same words on A4 pages, nothing else. */
async function renderPlain(items: CertificatePrint[]): Promise<number> {
	const { certificateFont } = await import('../src/lib/server/certificates/certificate-pdf');
	const { fillWording } = await import('../src/lib/domain/certificates/wording');
	const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false });
	doc.registerFont('sc', certificateFont());
	const done = drain(doc);
	for (const item of items) {
		doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
		doc.font('sc').fontSize(40).text(layout.title, 64, 70, { width: 714, align: 'center', lineBreak: false });
		doc.fontSize(22).text(`${item.name}：`, 84, 170, { lineBreak: false });
		doc.fontSize(17).text(fillWording(layout.body, item), 84, 216, { width: 674 });
		doc.fontSize(15).text(layout.organiserLine, 518, 445, { width: 260, align: 'center' });
		doc.text(item.dateText, 518, 475, { width: 260, align: 'center', lineBreak: false });
		doc.fontSize(9).text(`证书编号：${item.serial}`, 64, 521, { lineBreak: false });
	}
	doc.end();
	return done;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await work();
	return performance.now() - start;
}

export async function runCertificatesBench(): Promise<Figure[]> {
	const items = prints();
	// Warm both paths once (font file read, module loading, JIT), then alternate them.
	await renderReal(items.slice(0, 50));
	await renderPlain(items.slice(0, 50));
	const real: number[] = [];
	const plain: number[] = [];
	let bytes = 0;
	for (let run = 0; run < RUNS; run++) {
		plain.push(await timed(() => renderPlain(items)));
		real.push(await timed(async () => (bytes = await renderReal(items))));
	}
	const child = spawnSync(process.execPath, [...process.execArgv, SELF, '--rss-child'], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
	const rss = /rss_mb=(\d+(?:\.\d+)?)/.exec(child.stdout)?.[1];
	if (!rss) throw new Error(`the RSS child failed: ${child.stderr}`);
	return [
		{ bench: 'pdfkit_plain_1000_ms', value: median(plain), unit: 'ms' },
		{ bench: 'certificates_1000_ms', value: median(real), unit: 'ms', baseline: median(plain) },
		{ bench: 'certificates_1000_pdf_mb', value: bytes / 1024 / 1024, unit: 'MB' },
		{ bench: 'certificates_1000_rss_mb', value: Number(rss), unit: 'MB', baseline: 500 }
	];
}

/** The child: one render of the 1,000 certificates, then its peak RSS. */
async function rssChild() {
	await renderReal(prints());
	console.log(`rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`);
}

if (process.argv[2] === '--rss-child') await rssChild();
