// Component per catalogue name (see catalog.ts for what each one shows).
import type React from 'react';
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

export const demoClipComponent = (name: string): React.FC => {
	const component = DEMO_CLIP_COMPONENTS[name];
	if (!component) throw new Error(`demo clip "${name}" has no component: add it to DEMO_CLIP_COMPONENTS in src/compositions/demo/components.ts`);
	return component;
};
