// The espeak-ng engine on its own thread. Plain JS on purpose: espeak.ts starts
// this worker without the tsx loader, which would otherwise re-transform the
// 840 KB engine (≈ +0.6 s and +90 MB on every cold start), and synthesis then
// leaves the main thread free for the other analysis stages.
// Protocol: {id, kind: 'voices'} → {id, voices}; {id, kind: 'synth', ssml, voice,
// rateWpm, pitch} → {id, audio: Int16Array, sampleRate, events} | {id, unknownVoice: true};
// any failure → {id, error}.
import {parentPort} from 'node:worker_threads';

const {default: init} = await import('@echogarden/espeak-ng-emscripten');
const engine = new (await init()).eSpeakNGWorker();
let currentVoice = null;

// Only these events carry timing; the rest would just be cloned across threads.
const KEPT_EVENTS = new Set(['word', 'phoneme', 'end']);

const synth = ({ssml, voice, rateWpm, pitch}) => {
	if (voice !== currentVoice) {
		// On failure espeak keeps the previous voice, so the caller must hear about it.
		if (engine.set_voice(voice) !== 0) return {unknownVoice: true};
		currentVoice = voice;
	}
	engine.set_rate(rateWpm);
	engine.set_pitch(pitch);
	const chunks = [];
	const events = [];
	engine.synthesize(ssml, (samples, chunkEvents) => {
		if (samples && samples.length > 0) chunks.push(samples);
		for (const e of chunkEvents) {
			if (KEPT_EVENTS.has(e.type)) events.push({type: e.type, textPosition: e.text_position, audioMs: e.audio_position, id: e.id});
		}
		return false; // true would abort synthesis
	});
	const audio = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
	chunks.reduce((at, c) => (audio.set(c, at), at + c.length), 0);
	return {audio, sampleRate: engine.samplerate, events};
};

parentPort.on('message', (request) => {
	try {
		if (request.kind === 'voices') {
			const voices = engine.list_voices().flatMap((v) => v.languages.map((l) => l.name));
			parentPort.postMessage({id: request.id, voices});
			return;
		}
		const result = synth(request);
		parentPort.postMessage({id: request.id, ...result}, result.audio ? [result.audio.buffer] : []);
	} catch (error) {
		parentPort.postMessage({id: request.id, error: String(error?.stack ?? error)});
	}
});
parentPort.postMessage({ready: true});
