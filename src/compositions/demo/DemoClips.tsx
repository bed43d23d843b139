// The procedural B-roll the demo library renders on first run (see
// src/render/demo-library.ts). One composition per catalogue entry.
import React from 'react';
import {Composition, Folder} from 'remotion';
import {DEMO_CLIPS, DEMO_CLIP_DURATION_IN_FRAMES, DEMO_CLIP_FPS, DEMO_CLIP_HEIGHT, DEMO_CLIP_WIDTH, demoClipCompositionId} from './catalog';
import {Campfire} from './clips/Campfire';
import {CityNight} from './clips/CityNight';
import {Clouds} from './clips/Clouds';
import {DataNetwork} from './clips/DataNetwork';
import {ForestMist} from './clips/ForestMist';
import {Galaxy} from './clips/Galaxy';
import {Heartbeat} from './clips/Heartbeat';
import {NightHighway} from './clips/NightHighway';
import {Ocean} from './clips/Ocean';
import {SnowyMountains} from './clips/SnowyMountains';
import {Storm} from './clips/Storm';
import {SunriseHills} from './clips/SunriseHills';

/** Component per catalogue name; a name without one fails loudly below. */
export const DEMO_CLIP_COMPONENTS: Record<string, React.FC> = {
	ocean: Ocean,
	'city-night': CityNight,
	'forest-mist': ForestMist,
	'sunrise-hills': SunriseHills,
	storm: Storm,
	galaxy: Galaxy,
	campfire: Campfire,
	clouds: Clouds,
	'snowy-mountains': SnowyMountains,
	'data-network': DataNetwork,
	'night-highway': NightHighway,
	heartbeat: Heartbeat,
};

const componentFor = (name: string): React.FC => {
	const component = DEMO_CLIP_COMPONENTS[name];
	if (!component) throw new Error(`demo clip "${name}" is in catalog.ts but has no component: add it to DEMO_CLIP_COMPONENTS in DemoClips.tsx`);
	return component;
};

export const DemoClipCompositions: React.FC = () => (
	<Folder name="demo-clips">
		{DEMO_CLIPS.map(({name}) => (
			<Composition
				key={name}
				id={demoClipCompositionId(name)}
				component={componentFor(name)}
				width={DEMO_CLIP_WIDTH}
				height={DEMO_CLIP_HEIGHT}
				fps={DEMO_CLIP_FPS}
				durationInFrames={DEMO_CLIP_DURATION_IN_FRAMES}
			/>
		))}
	</Folder>
);
