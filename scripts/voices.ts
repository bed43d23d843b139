// `npm run voices -- list | add <file.onnx> | install <name> [--allow-network]`:
// the Piper voices reel can narrate with (`--voice piper:<name>`).
import {parseArgs} from 'node:util';
import {ReelError} from '../src/analysis/errors';
import {exitWithError} from '../src/cli/exit';
import {createProgress} from '../src/render/progress';
import {installNetworkGuard} from '../src/analysis/report/network-guard';
import {addVoice, listRegisteredVoices, voicesDir} from '../src/analysis/tts/voices';

const USAGE = `npm run voices -- list                      the Piper voices registered (use with --voice piper:<name>)
npm run voices -- add <voice.onnx>          register a local voice (its .onnx.json must sit next to it)
npm run voices -- install <name> --allow-network
                                            download a voice from Piper's catalogue (e.g. en_US-lessac-medium),
                                            size and checksum verified; an interrupted download resumes`;

const list = async () => {
	const voices = await listRegisteredVoices();
	if (voices.length === 0) return console.log(`no Piper voices yet (folder: ${voicesDir()}); espeak:<language> voices are always there`);
	for (const v of voices) console.log(`piper:${v.name}  ${v.source}  ${v.model}`);
};

const install = async (name: string, allowNetwork: boolean) => {
	installNetworkGuard({allowNetwork});
	const {installVoice} = await import('../src/analysis/tts/voice-install');
	const progress = createProgress(`install ${name}`);
	const mb = (n: number) => (n / 1e6).toFixed(1);
	const entry = await installVoice({name, allowNetwork, onProgress: (done, total, file) => progress.update(done / total, `${mb(done)}/${mb(total)} MB ${file}`)});
	progress.done(`→ ${entry.model}`);
	console.log(`use it with --voice piper:${entry.name}`);
};

const main = async () => {
	const {positionals, values} = (() => {
		try {
			return parseArgs({args: process.argv.slice(2), options: {'allow-network': {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}, allowPositionals: true});
		} catch (error) {
			throw new ReelError('BAD_OPTION', `${(error as Error).message.split('\n')[0]} (run with --help)`);
		}
	})();
	const [command, arg, ...extra] = positionals;
	if (values.help || !command) return console.log(USAGE);
	if (command === 'list') return list();
	if ((command === 'add' || command === 'install') && (!arg || extra.length > 0)) throw new ReelError('BAD_OPTION', `voices ${command} needs exactly one ${command === 'add' ? 'voice file' : 'voice name'}`);
	if (command === 'add') {
		const entry = await addVoice(arg);
		return console.log(`added piper:${entry.name} → ${entry.model}`);
	}
	if (command === 'install') return install(arg, values['allow-network'] ?? false);
	throw new ReelError('BAD_OPTION', `unknown voices command "${command}" (list, add, install)`);
};

main().catch(exitWithError);
