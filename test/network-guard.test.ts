// reel must not reach the network unless allowed; loopback (Remotion's own
// server, Chrome's DevTools socket) must keep working.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {installNetworkGuard} from '../src/analysis/report/network-guard';

let server: http.Server;
let port: number;

beforeAll(async () => {
	server = http.createServer((_req, res) => res.end('local ok'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('network guard', () => {
	test('blocks outgoing connections by default and counts them', async () => {
		const guard = installNetworkGuard({allowNetwork: false});
		const before = guard.calls();
		const error = await fetch('http://192.0.2.1:81/model.bin').then(
			() => null,
			(e: Error & {cause?: Error}) => e,
		);
		expect(error).not.toBeNull();
		expect(String(error?.cause?.message ?? error?.message)).toMatch(/network access to 192\.0\.2\.1:81 blocked.*--allow-network/);
		expect(() => http.get('http://10.1.2.3:8080/')).toThrow(/blocked/);
		expect(guard.calls()).toBe(before + 2);
	});

	test('lets loopback through without counting it', async () => {
		const guard = installNetworkGuard({allowNetwork: false});
		const before = guard.calls();
		expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local ok');
		expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('local ok');
		expect(guard.calls()).toBe(before);
	});

	test('with --allow-network the attempt goes ahead and is still counted', async () => {
		const guard = installNetworkGuard({allowNetwork: true});
		const before = guard.calls();
		const req = http.get({host: '192.0.2.1', port: 81, timeout: 50});
		req.on('error', () => undefined);
		req.on('timeout', () => req.destroy());
		expect(guard.calls()).toBe(before + 1);
		expect(guard.attempts()).toContain('192.0.2.1:81');
		installNetworkGuard({allowNetwork: false});
	});
});
