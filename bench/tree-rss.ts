// Peak memory of this process and all its descendants (Chrome, the compositor,
// ffmpeg), sampled from /proc: process.resourceUsage() sees only us. Summed as
// PSS (proportional set size): Chrome's processes share pages, which a sum of
// RSS would count once per process. smaps_rollup walks a process's page tables
// under its memory lock, so only the tree is read, and once a second: sampling
// every 150 ms across all of /proc slowed the render it measured several-fold.
import {readFileSync, readdirSync} from 'node:fs';

const SAMPLE_MS = 1000;

const descendants = (root: number): number[] => {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the ")" that closes the command name: state, ppid, …
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// The process ended between readdir and read.
		}
	}
	const tree: number[] = [];
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		tree.push(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return tree;
};

const pssBytes = (pid: number): number => {
	try {
		const match = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
		return Number(match?.[1] ?? 0) * 1024;
	} catch {
		return 0;
	}
};

const treeBytes = (root: number): number => descendants(root).reduce((sum, pid) => sum + pssBytes(pid), 0);

/** Starts sampling; stop() returns the peak in MB since start. */
export const sampleTreeRss = () => {
	let peak = treeBytes(process.pid);
	const timer = setInterval(() => (peak = Math.max(peak, treeBytes(process.pid))), SAMPLE_MS);
	return {
		stop: (): number => {
			clearInterval(timer);
			peak = Math.max(peak, treeBytes(process.pid));
			return Math.round(peak / 2 ** 20);
		},
	};
};
