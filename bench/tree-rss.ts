// Peak resident memory of this process and all its descendants (Chrome, the
// compositor, ffmpeg), sampled from /proc: process.resourceUsage() sees only us.
import {readFileSync, readdirSync} from 'node:fs';

const PAGE_BYTES = 4096;

const treeRssBytes = (root: number): number => {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the ")" that closes the command name: state, ppid, …
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const pages = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
			const pid = Number(name);
			rss.set(pid, pages * PAGE_BYTES);
			children.set(ppid, [...(children.get(ppid) ?? []), pid]);
		} catch {
			// The process ended between readdir and read.
		}
	}
	let total = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
};

/** Starts sampling; stop() returns the peak in MB since start. */
export const sampleTreeRss = (intervalMs = 150) => {
	let peak = treeRssBytes(process.pid);
	const timer = setInterval(() => (peak = Math.max(peak, treeRssBytes(process.pid))), intervalMs);
	return {stop: (): number => {
		clearInterval(timer);
		peak = Math.max(peak, treeRssBytes(process.pid));
		return Math.round(peak / 2 ** 20);
	}};
};
