// Piper's own test voice (a dummy graph with Piper's real inputs and outputs
// that returns one second of silence, and a real en-us config). A copy of
// ../shared/data/models/piper-test-voice (GPL-3.0, COPYING beside it): CI
// clones the repository alone, without the shared folder.
import path from 'node:path';
import {ROOT} from './cli';

export const TEST_VOICE_DIR = path.join(ROOT, 'test', 'fixtures', 'piper-test-voice');
export const TEST_VOICE = path.join(TEST_VOICE_DIR, 'test_voice.onnx');
