// The loudness finish's per-sample loops (loudness.ts and finish.ts hold the
// rest), compiled to dsp.wasm by scripts/build-dsp.sh. WebAssembly because V8
// compiles it before the first call: the same loops in JavaScript ran several
// times slower until V8 had seen them run, and a plan spent 100–200 ms warming
// them up on a short signal before the one call that mattered (see
// docs/performance.md#the-plan-stage).
//
// Each loop does the operations of the JavaScript it replaced in the same order,
// in doubles, so results are the same to the bit: WebAssembly has no fused
// multiply-add, and f64.min/f64.max are Math.min/Math.max for numbers. Buffers
// are laid out by the caller (dsp.ts) in memory it supplies; no allocation here.
#define EXPORT(name) __attribute__((export_name(#name)))

typedef unsigned int u32;
typedef long long i64;

static inline double max(double a, double b) { return __builtin_wasm_max_f64(a, b); }
static inline double min(double a, double b) { return __builtin_wasm_min_f64(a, b); }
static inline double abs(double a) { return __builtin_fabs(a); }

/*
 * K-weighting (a shelf, then a high-pass) and a running sum of the weighted
 * signal's square, read off where loudness blocks start and end.
 * state: both filters' last inputs and outputs and the sum (p1 p2 q1 q2 r1 r2 sum).
 * coef: k0 k1 k2 h1 h2 (shelf), m0 m1 m2 g1 g2 (high-pass).
 * marks: the next block start and end (counted from this part's first sample),
 * the step between blocks, and how many sums were written to starts and ends.
 */
EXPORT(meter)
void meter(const float *x, u32 n, double *state, const double *coef, int *marks, double *starts, double *ends) {
	double p1 = state[0], p2 = state[1], q1 = state[2], q2 = state[3], r1 = state[4], r2 = state[5], sum = state[6];
	const double k0 = coef[0], k1 = coef[1], k2 = coef[2], h1 = coef[3], h2 = coef[4];
	const double m0 = coef[5], m1 = coef[6], m2 = coef[7], g1 = coef[8], g2 = coef[9];
	i64 blockStart = marks[0], blockEnd = marks[1];
	const int step = marks[2];
	int started = marks[3], ended = marks[4];
	for (u32 i = 0; i < n; i++) {
		const double v = x[i];
		const double y = k0 * v + k1 * p1 + k2 * p2 - h1 * q1 - h2 * q2;
		const double w = m0 * y + m1 * q1 + m2 * q2 - g1 * r1 - g2 * r2;
		p2 = p1; p1 = v; q2 = q1; q1 = y; r2 = r1; r1 = w;
		sum += w * w;
		if ((i64)i + 1 == blockStart) {
			starts[started++] = sum;
			blockStart += step;
		}
		if ((i64)i + 1 == blockEnd) {
			ends[ended++] = sum;
			blockEnd += step;
		}
	}
	state[0] = p1; state[1] = p2; state[2] = q1; state[3] = q2; state[4] = r1; state[5] = r2; state[6] = sum;
	marks[0] = (int)blockStart; marks[1] = (int)blockEnd; marks[3] = started; marks[4] = ended;
}

// True peak: 4× oversampling with 16-tap windowed-sinc interpolators (taps[16 * phase + k],
// phase 0 unused), as loudness.ts describes.
#define TAPS 16
#define REACH (TAPS / 2 - 1) // taps before the sample
#define STRETCH 32           // samples per stretch that is either computed or bounded as a whole

/* The envelope from sample `from` to `to` (exclusive), into out[i - shift]. */
static void envelope_range(const float *s, u32 n, float *out, u32 from, u32 to, u32 shift, const double *taps) {
	const double *p1 = taps + TAPS, *p2 = taps + 2 * TAPS, *p3 = taps + 3 * TAPS;
	for (u32 i = from; i < to; i++) {
		double peak = abs(s[i]);
		if (i >= REACH && i + TAPS / 2 < n) {
			// Every tap exists: three phases in one pass, summed in the edge path's order.
			double a1 = 0, a2 = 0, a3 = 0;
			const float *v = s + (i - REACH);
			for (int k = 0; k < TAPS; k++) {
				const double x = v[k];
				a1 += x * p1[k];
				a2 += x * p2[k];
				a3 += x * p3[k];
			}
			out[i - shift] = (float)max(max(max(peak, abs(a1)), abs(a2)), abs(a3));
			continue;
		}
		for (int phase = 1; phase < 4; phase++) {
			const double *t = taps + TAPS * phase;
			double acc = 0;
			for (int k = 0; k < TAPS; k++) {
				const i64 j = (i64)i + k - REACH;
				if (j >= 0 && j < n) acc += s[j] * t[k];
			}
			peak = max(peak, abs(acc));
		}
		out[i - shift] = (float)peak;
	}
}

static double highest_sample(const float *s, u32 n) {
	double highest = 0;
	for (u32 i = 0; i < n; i++) highest = max(highest, abs(s[i]));
	return highest;
}

/* No envelope point from `from` to `to` exceeds this: the largest |sample| their taps read, times tap_gain. */
static double stretch_bound(const float *s, u32 n, u32 from, u32 to, double tap_gain) {
	double reached = 0;
	const u32 first = from >= REACH ? from - REACH : 0, end = to + TAPS / 2 < n ? to + TAPS / 2 : n;
	for (u32 j = first; j < end; j++) reached = max(reached, abs(s[j]));
	return reached * tap_gain;
}

/* truePeakEnvelope(s, floor) into out. */
EXPORT(envelope)
void envelope(const float *s, u32 n, float *out, double floor, const double *taps, double tap_gain) {
	if (!(floor > 0)) {
		envelope_range(s, n, out, 0, n, 0, taps);
		return;
	}
	const double limit = min(floor, highest_sample(s, n));
	for (u32 from = 0; from < n; from += STRETCH) {
		const u32 to = from + STRETCH < n ? from + STRETCH : n;
		if (stretch_bound(s, n, from, to, tap_gain) >= limit) envelope_range(s, n, out, from, to, 0, taps);
		else for (u32 i = from; i < to; i++) out[i] = (float)abs(s[i]);
	}
}

/* The highest point of the envelope, computed stretch by stretch and not stored; 0 for silence. */
EXPORT(true_peak)
double true_peak(const float *s, u32 n, const double *taps, double tap_gain) {
	const double highest = highest_sample(s, n);
	if (highest == 0) return 0;
	float scratch[STRETCH];
	double peak = highest; // no stretch skipped below holds more than this
	for (u32 from = 0; from < n; from += STRETCH) {
		const u32 to = from + STRETCH < n ? from + STRETCH : n;
		if (stretch_bound(s, n, from, to, tap_gain) < highest) continue;
		envelope_range(s, n, scratch, from, to, from, taps);
		for (u32 i = 0; i < to - from; i++) peak = max(peak, scratch[i]);
	}
	return peak;
}

EXPORT(highest)
double highest(const float *s, u32 n) { return highest_sample(s, n); }

/*
 * The lookahead limiter (finish.ts says how it works) on s × factor, each
 * product rounded to float32, into out. Ring buffers of mask + 1 entries:
 * need and released (doubles), queue (indices).
 */
EXPORT(limit)
void limit(const float *s, const float *envelope, u32 n, double factor, double ceiling, int lookahead, double rise,
           u32 mask, double *need, double *released, int *queue, float *out) {
	const i64 L = lookahead;
	u32 head = 0, tail = 0;
	double gain = 1, sum = 0;
	for (i64 i = -L - 1; i < (i64)n; i++) {
		if (i >= 0) {
			while (queue[head & mask] < i) head++;
			gain = min(need[queue[head & mask] & mask], gain + (1 - gain) * rise);
			released[i & mask] = gain;
			sum += gain - (i > L ? released[(i - L - 1) & mask] : 0);
			out[i] = (float)(((double)(float)(s[i] * factor) * sum) / (double)(i + 1 < L + 1 ? i + 1 : L + 1));
		}
		const i64 j = i + L + 1;
		if (j < (i64)n) {
			const double e = (float)(envelope[j] * factor);
			const double v = e > ceiling ? ceiling / e : 1;
			need[j & mask] = v;
			while (tail > head && need[queue[(tail - 1) & mask] & mask] >= v) tail--;
			queue[tail++ & mask] = (int)j;
		}
	}
}
