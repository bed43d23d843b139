// Webpack (Remotion's bundler) turns imported font files into asset URLs.
declare module '*.woff2' {
	const url: string;
	export default url;
}

// @types/react-dom is not a dependency; the caption sync check needs only this.
declare module 'react-dom/server' {
	import type {ReactNode} from 'react';
	export function renderToStaticMarkup(element: ReactNode): string;
}
