// onnxruntime-node, loaded on first use only (its native library costs start-up
// time that runs without a neural voice or VAD never need). Under vitest the
// module arrives wrapped in a default export, under tsx/Node as named exports.
import type * as Ort from 'onnxruntime-node';

export type OrtModule = typeof Ort;

let ort: Promise<OrtModule> | null = null;

export const loadOrt = (): Promise<OrtModule> =>
	(ort ??= import('onnxruntime-node').then((m) => ((m as {default?: OrtModule}).default ?? m) as OrtModule));
