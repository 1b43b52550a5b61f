import type { EntryFlag, Labels } from '../scoring';
import type { MatrixRow } from './matrix';

// What the head judge's and the organiser's pages show about a round, as plain data: built by the
// server (src/lib/server/round-control), rendered by src/lib/components/round-control.

export interface MatrixJudge {
	judgeId: string;
	name: string;
	isHead: boolean;
}

export interface MatrixComponent {
	key: string;
	label: Labels | null;
	source: 'judges' | 'entered' | 'public_vote';
	deductions: { key: string; label: Labels | null; points: number }[];
}

export interface RoundMatrix {
	round: {
		id: string;
		name: string;
		blind: boolean;
		eventName: string;
		competitionId: string;
		competitionTitle: string;
		organisationSlug: string;
		lockedAt: string | null;
		signedOffByName: string | null;
	};
	viewer: 'head' | 'manager';
	judges: MatrixJudge[];
	components: MatrixComponent[];
	/** Open rounds only: the entry's name, by entry id. A blind round's matrix carries numbers only. */
	labels: Record<string, string>;
	rows: MatrixRow[];
	absences: { entryId: string; judgeId: string; reason: string; recordedByName: string | null; createdAt: string }[];
	/** Sheets received (submitted or locked) of those expected. */
	progress: { received: number; expected: number };
	hasScheme: boolean;
}

export interface ProvisionalResult {
	rank: number;
	entryId: string;
	number: number | null;
	components: Record<string, number>;
	total: number;
	tier: string | null;
	tierLabel: Labels | null;
	flags: EntryFlag[];
}

export interface DeviceView {
	id: string;
	judgeId: string;
	judgeName: string;
	userAgent: string;
	appVersion: string;
	outboxSize: number;
	clockSkewMs: number | null;
	lastSeenAt: string | null;
	revokedAt: string | null;
	revokedByName: string | null;
	/** Whether the device still holds a live session (a revoked or expired one does not). */
	isSignedIn: boolean;
}
