// reel runs offline. Every outgoing TCP connection goes through
// net.Socket#connect (http, https, fetch/undici, websockets), so counting there
// catches them all. Loopback stays open: Remotion talks to its own local server
// and to Chrome over 127.0.0.1.
import net from 'node:net';
import {ReelError} from '../errors';

export type NetworkGuard = {calls: () => number; attempts: () => string[]};

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|::1|::ffff:127(?:\.\d+){3}|0\.0\.0\.0)$/i;

let installed: {allow: boolean; attempts: string[]} | null = null;

const targetOf = (args: unknown[]): {host: string; port: string} | null => {
	const first = Array.isArray(args[0]) ? args[0][0] : args[0];
	if (first && typeof first === 'object') {
		const o = first as {host?: string; port?: number | string; path?: string};
		if (o.path) return null; // Unix socket / pipe: local by definition.
		return {host: o.host ?? 'localhost', port: String(o.port ?? '')};
	}
	if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
		return {host: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first)};
	}
	return null;
};

export const installNetworkGuard = ({allowNetwork}: {allowNetwork: boolean}): NetworkGuard => {
	if (!installed) {
		const state = {allow: allowNetwork, attempts: [] as string[]};
		installed = state;
		const original = net.Socket.prototype.connect;
		net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
			const target = targetOf(args);
			if (target && !LOOPBACK.test(target.host.replace(/^\[|\]$/g, ''))) {
				const where = `${target.host}:${target.port}`;
				state.attempts.push(where);
				if (!state.allow) {
					throw new ReelError('NETWORK_BLOCKED', `network access to ${where} blocked: reel runs offline (pass --allow-network to permit it)`);
				}
			}
			return (original as (...a: unknown[]) => net.Socket).apply(this, args);
		} as typeof original;
	}
	installed.allow = allowNetwork;
	const state = installed;
	return {calls: () => state.attempts.length, attempts: () => [...state.attempts]};
};
