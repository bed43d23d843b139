// The pure parts of distributed rendering: how a render is cut into chunks, and
// which option mistakes are caught before anything starts.
import {describe, expect, test} from 'vitest';
import {framesPerChunkFor, planChunks} from '../src/distributed/chunks';
import {distributedOptionsFrom} from '../src/distributed/options';
import {redisUrlFrom} from '../src/distributed/redis';

describe('chunks', () => {
	test('equal slices from frame 0, the remainder last, covering every frame once', () => {
		expect(planChunks({durationInFrames: 84, framesPerChunk: 21})).toEqual([
			{index: 0, startFrame: 0, endFrame: 20},
			{index: 1, startFrame: 21, endFrame: 41},
			{index: 2, startFrame: 42, endFrame: 62},
			{index: 3, startFrame: 63, endFrame: 83},
		]);
		expect(planChunks({durationInFrames: 100, framesPerChunk: 30}).map((c) => [c.startFrame, c.endFrame])).toEqual([[0, 29], [30, 59], [60, 89], [90, 99]]);
	});

	test('--chunks N sets the size; the default is 150 frames', () => {
		expect(framesPerChunkFor({durationInFrames: 84, chunks: 4})).toBe(21);
		expect(framesPerChunkFor({durationInFrames: 85, chunks: 4})).toBe(22);
		expect(framesPerChunkFor({durationInFrames: 1000})).toBe(150);
		expect(framesPerChunkFor({durationInFrames: 1000, framesPerChunk: 60})).toBe(60);
	});

	test('chunks too small for a seamless audio join, or both options at once, are refused', () => {
		expect(() => framesPerChunkFor({durationInFrames: 84, chunks: 40})).toThrow('--chunks 40 gives 3-frame chunks of this 84-frame video; chunks need at least 5 whole frames');
		expect(() => framesPerChunkFor({durationInFrames: 84, framesPerChunk: 4})).toThrow('--frames-per-chunk is 4');
		expect(() => framesPerChunkFor({durationInFrames: 84, framesPerChunk: 2.5})).toThrow('--frames-per-chunk is 2.5');
		expect(() => framesPerChunkFor({durationInFrames: 84, chunks: 2, framesPerChunk: 30})).toThrow('give --chunks or --frames-per-chunk, not both');
	});
});

describe('distributed options', () => {
	test('local renders take none of them', async () => {
		await expect(distributedOptionsFrom({})).resolves.toBeNull();
		await expect(distributedOptionsFrom({chunks: '4'})).rejects.toThrow('--chunks only applies with --distributed');
		await expect(distributedOptionsFrom({distributed: true, renderer: 'composite'})).rejects.toThrow('--renderer composite does not apply with --distributed');
	});

	test('a Redis URL must be one, and one on another machine needs --allow-network', async () => {
		expect(() => redisUrlFrom('localhost:6379')).toThrow('--redis must start with redis:// or rediss://, got "localhost:6379"');
		expect(() => redisUrlFrom('not a url')).toThrow('--redis must be a URL like redis://127.0.0.1:6379, got "not a url"');
		await expect(distributedOptionsFrom({distributed: true, redis: 'redis://10.0.0.5:6379'})).rejects.toThrow(
			'Redis at redis://10.0.0.5:6379 is on another machine: pass --allow-network to let reel connect to it',
		);
	});
});
