// Errors a user can act on. The CLI prints `message` as one line and exits
// non-zero; anything else is a bug and gets a stack trace.
export type ReelErrorCode =
	| 'SCRIPT_MISSING'
	| 'SCRIPT_EMPTY'
	| 'SCRIPT_TOO_LONG'
	| 'SCRIPT_ENCODING'
	| 'CLIPS_MISSING'
	| 'CLIPS_EMPTY'
	| 'BAD_OPTION'
	| 'NETWORK_BLOCKED'
	| 'RENDER_FAILED'
	| 'TTS_FAILED'
	| 'AUDIO_UNREADABLE'
	| 'AUDIO_EMPTY'
	| 'AUDIO_SILENT'
	| 'TRANSCRIPT_EMPTY'
	| 'ALIGN_FAILED'
	| 'VOICE_MISSING'
	| 'VOICE_BROKEN'
	| 'DOWNLOAD_FAILED';

export class ReelError extends Error {
	constructor(
		public readonly code: ReelErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'ReelError';
	}
}
