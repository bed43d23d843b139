// The demo clip catalogue as plain data: the analysis side (clip matching)
// imports it, so nothing here may pull in React or remotion.

export type DemoClipEntry = {
	/** File stem and composition suffix: `<name>.mp4`, `DemoClip-<name>`. */
	name: string;
	/** What a viewer sees, in words the matcher can score against a scene. */
	description: string;
	tags: string[];
};

/**
 * Portrait, so a cover crop serves 9:16 exactly and 1:1 / 16:9 acceptably.
 * 540×960 rather than 720×1280: a frame's render cost grows with its pixels, and
 * this size took ~30% less CPU for the whole library (measured on 2 cores). The
 * clips are vector art drawn in a 720×1280 design space: raising this costs only
 * render time.
 */
export const DEMO_CLIP_WIDTH = 540;
export const DEMO_CLIP_HEIGHT = 960;
export const DEMO_CLIP_FPS = 30;
/**
 * 4 s. Every clip loops seamlessly (all motion completes whole cycles per clip),
 * so a longer shot can repeat it; longer clips cost render time on first run.
 */
export const DEMO_CLIP_DURATION_IN_FRAMES = 120;

export const demoClipCompositionId = (name: string): string => `DemoClip-${name}`;

export const DEMO_CLIPS: DemoClipEntry[] = [
	{
		name: 'ocean',
		description: 'Ocean waves rolling onto a sandy beach under a bright blue sky, sunlight glittering on the sea',
		tags: ['ocean', 'sea', 'waves', 'beach', 'water', 'shore', 'coast', 'summer', 'vacation', 'calm', 'nature', 'travel'],
	},
	{
		name: 'city-night',
		description: 'City skyline at night: skyscrapers with glowing windows under a purple sky and a full moon',
		tags: ['city', 'skyline', 'night', 'urban', 'buildings', 'skyscrapers', 'lights', 'downtown', 'business', 'moon', 'metropolis'],
	},
	{
		name: 'forest-mist',
		description: 'Pine forest on misty hills at dawn: rows of evergreen trees fading into drifting fog, soft sun rays',
		tags: ['forest', 'trees', 'pine', 'woods', 'mist', 'fog', 'nature', 'wilderness', 'calm', 'mysterious', 'morning', 'hiking'],
	},
	{
		name: 'sunrise-hills',
		description: 'Golden sun rising over rolling green hills, warm orange and pink sky, light rays and birds in flight',
		tags: ['sunrise', 'sun', 'dawn', 'morning', 'hills', 'countryside', 'landscape', 'hope', 'new beginning', 'warm', 'birds', 'peaceful'],
	},
	{
		name: 'storm',
		description: 'Thunderstorm at night: heavy rain falling from dark clouds, lightning bolts flashing across the sky',
		tags: ['storm', 'thunderstorm', 'lightning', 'thunder', 'rain', 'weather', 'dark', 'danger', 'chaos', 'crisis', 'dramatic', 'power'],
	},
	{
		name: 'galaxy',
		description: 'Starry night sky with the Milky Way galaxy glowing purple and blue, twinkling stars and a shooting star over dark mountains',
		tags: ['stars', 'galaxy', 'milky way', 'space', 'universe', 'night sky', 'cosmos', 'astronomy', 'dream', 'wonder', 'infinite', 'shooting star'],
	},
	{
		name: 'campfire',
		description: 'Campfire at night: orange flames flickering over burning logs in a ring of stones, glowing embers and sparks rising into the dark',
		tags: ['fire', 'campfire', 'flames', 'camping', 'night', 'warm', 'cozy', 'embers', 'sparks', 'burning', 'passion', 'story'],
	},
	{
		name: 'clouds',
		description: 'White fluffy clouds drifting across a bright blue summer sky',
		tags: ['clouds', 'sky', 'blue sky', 'daytime', 'summer', 'weather', 'freedom', 'calm', 'air', 'peaceful', 'open', 'light'],
	},
	{
		name: 'snowy-mountains',
		description: 'Snow-capped mountain peaks in winter with snow falling gently over a frosted pine tree line',
		tags: ['mountains', 'snow', 'winter', 'peaks', 'alpine', 'cold', 'snowfall', 'landscape', 'adventure', 'climb', 'challenge', 'ice'],
	},
	{
		name: 'data-network',
		description: 'Glowing digital network: connected nodes and lines with light pulses travelling between them over a blue grid',
		tags: ['technology', 'network', 'data', 'internet', 'digital', 'ai', 'artificial intelligence', 'computer', 'connection', 'innovation', 'future', 'cloud computing'],
	},
	{
		name: 'night-highway',
		description: 'Highway at night with streaking car light trails, white headlights and red tail lights rushing toward a glowing city',
		tags: ['highway', 'road', 'traffic', 'cars', 'night', 'speed', 'light trails', 'driving', 'commute', 'travel', 'fast', 'urban'],
	},
	{
		name: 'heartbeat',
		description: 'Heart rate monitor: a glowing green ECG pulse line tracing heartbeats across a dark grid, with a beating red heart',
		tags: ['heartbeat', 'heart', 'pulse', 'ecg', 'health', 'medicine', 'medical', 'hospital', 'doctor', 'life', 'fitness', 'love'],
	},
];
