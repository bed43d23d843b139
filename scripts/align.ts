// npm run align -- <audio> <transcript.txt> [--format json|srt|vtt] [--out FILE]
// Forced alignment of a transcript to a recording: when each word is spoken.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {alignWords} from '../src/analysis/align/align-words';
import {wordsFromTranscript} from '../src/analysis/align/transcript';
import {writeFileAtomic} from '../src/analysis/cache/files';
import {ReelError} from '../src/analysis/errors';
import {ALIGN_FORMATS, formatAlignment, type AlignFormat} from '../src/cli/align-output';
import {exitWithError} from '../src/cli/exit';

const USAGE = `usage: npm run align -- <audio> <transcript.txt> [--format json|srt|vtt] [--out FILE]

Prints when each transcript word is spoken in the audio (WAV, MP3, M4A, FLAC, ...):
  json  {"words":[{"text","startMs","endMs","confidence"}]}   (default)
  srt   caption lines            vtt   caption lines with each word's time
--out FILE writes the result there (complete or not at all) instead of printing it.`;

const parseCli = (argv: string[]) => {
	try {
		return parseArgs({args: argv, options: {format: {type: 'string', default: 'json'}, out: {type: 'string'}, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true});
	} catch (error) {
		throw new ReelError('BAD_OPTION', `${(error as Error).message.split('\n')[0]} (run with --help)`);
	}
};

const readTranscript = async (file: string): Promise<string> => {
	const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new ReelError('TRANSCRIPT_EMPTY', `${file}: ${error.code === 'ENOENT' ? 'transcript file not found' : `cannot read the transcript (${error.code ?? error.message})`}`);
	});
	if (text.includes('\u0000')) throw new ReelError('TRANSCRIPT_EMPTY', `${file}: not a text file`);
	if (wordsFromTranscript(text).length === 0) throw new ReelError('TRANSCRIPT_EMPTY', `${file}: the transcript has no words`);
	return text;
};

const main = async () => {
	const {values, positionals} = parseCli(process.argv.slice(2));
	if (values.help) return console.log(USAGE);
	if (positionals.length !== 2) throw new ReelError('BAD_OPTION', `align needs an audio file and a transcript file, got ${positionals.length} argument(s) (run with --help)`);
	const format = values.format as AlignFormat;
	if (!ALIGN_FORMATS.includes(format)) throw new ReelError('BAD_OPTION', `--format must be one of ${ALIGN_FORMATS.join(', ')}, got "${values.format}"`);
	// `npm run` starts us in the project root; paths are the user's, relative to where they typed them.
	const [audioFile, transcriptFile] = positionals.map((p) => path.resolve(process.env.INIT_CWD ?? '.', p));
	const out = values.out && path.resolve(process.env.INIT_CWD ?? '.', values.out);
	const transcript = await readTranscript(transcriptFile);
	const {words, warnings} = await alignWords({audioFile, transcript});
	for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
	const output = formatAlignment({words, format});
	if (out) await writeFileAtomic(out, output);
	else process.stdout.write(output);
};

main().catch(exitWithError);
