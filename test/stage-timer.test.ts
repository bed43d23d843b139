// The plan report's stopwatch: a stage run beside another is reported apart
// and left out of the total, except for any time it runs on after the other
// has ended, so the total stays the wall time.
import {describe, expect, it} from 'vitest';
import {createStageTimer, PARALLEL_SUFFIX, stagesTotalMs} from '../src/analysis/report/stages';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stage timer', () => {
	it('keeps a stage that ends inside another out of the total', async () => {
		const timer = createStageTimer();
		const long = timer.run('narration', () => wait(200));
		await timer.beside('clips', () => wait(20), long);
		await long;
		expect(timer.stagesMs[`clips${PARALLEL_SUFFIX}`]).toBeGreaterThan(0);
		expect(timer.stagesMs.clips).toBeUndefined();
		expect(stagesTotalMs(timer.stagesMs)).toBe(timer.stagesMs.narration);
	});

	it('counts the time a stage runs on after the other has ended', async () => {
		const timer = createStageTimer();
		const short = timer.run('narration', () => wait(20));
		const started = performance.now();
		await timer.beside('clips', () => wait(200), short);
		const wall = performance.now() - started;
		expect(timer.stagesMs.clips).toBeGreaterThan(0);
		// The two parts of the total are the wall time, to the rounding of each and the moments between
		// the clock readings (one stage's end, the other's settling): 8.5 ms once on a loaded CI machine.
		// Leaving the overrun out would miss by ~180 ms.
		expect(Math.abs(stagesTotalMs(timer.stagesMs) - wall)).toBeLessThanOrEqual(25);
	});

	it('a stage beside one that fails still ends, and is reported', async () => {
		const timer = createStageTimer();
		const failing = timer.run('narration', async () => {
			await wait(10);
			throw new Error('no voice');
		});
		failing.catch(() => {});
		await expect(timer.beside('clips', () => wait(50), failing)).resolves.toBeUndefined();
		expect(timer.stagesMs.clips).toBeGreaterThan(0);
	});
});
