// Piper's own test voice (a dummy graph with Piper's real inputs and outputs
// that returns one second of silence, and a real en-us config), shared read-only.
import path from 'node:path';
import {ROOT} from './cli';

export const TEST_VOICE_DIR = path.resolve(ROOT, '..', 'shared', 'data', 'models', 'piper-test-voice');
export const TEST_VOICE = path.join(TEST_VOICE_DIR, 'test_voice.onnx');
