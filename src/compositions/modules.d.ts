// Webpack (Remotion's bundler) turns imported font files into asset URLs.
declare module '*.woff2' {
	const url: string;
	export default url;
}
