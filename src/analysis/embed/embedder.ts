// A text embedder turns texts into unit vectors whose dot product says how
// alike they are. The word-vector one is the default; an ONNX sentence or
// CLIP text encoder can take its place (see onnx-embedder.ts).
export type Embedder = {
	/** Names the model in reports and cache keys. */
	id: string;
	dims: number;
	/** One L2-normalised vector per text; a text with no known word gets a zero vector. */
	embed: (texts: string[]) => Promise<Float32Array[]>;
};

export const dot = (a: Float32Array, b: Float32Array): number => {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
	return sum;
};

/** Scales `v` to unit length in place; a zero vector stays zero. */
export const normalize = (v: Float32Array): Float32Array => {
	const norm = Math.sqrt(dot(v, v));
	if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
	return v;
};
