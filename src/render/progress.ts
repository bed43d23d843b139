// One progress line on stderr: redrawn in place on a terminal, printed every
// 10 % otherwise (CI logs stay short).
export type Progress = {update: (fraction: number, detail?: string) => void; done: (message?: string) => void};

export const createProgress = (label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
	const width = 28;
	let lastBucket = -1;
	const started = performance.now();
	return {
		update: (fraction, detail = '') => {
			const f = Math.max(0, Math.min(1, fraction));
			const pct = Math.floor(f * 100);
			if (stream.isTTY) {
				const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
				stream.write(`\r${label} ${bar} ${String(pct).padStart(3)}% ${detail}`.padEnd(80).slice(0, stream.columns || 100));
			} else if (Math.floor(pct / 10) !== lastBucket) {
				lastBucket = Math.floor(pct / 10);
				stream.write(`${label} ${pct}% ${detail}\n`);
			}
		},
		done: (message) => {
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			stream.write(`${stream.isTTY ? '\r' : ''}${`${label} done in ${seconds}s ${message ?? ''}`.padEnd(stream.isTTY ? 80 : 0)}\n`);
		},
	};
};
