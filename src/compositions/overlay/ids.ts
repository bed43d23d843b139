// Composition ids the compositing renderer asks for; a module of its own so
// Node can import them without the components (and their font assets).
export const CAPTION_ATLAS_ID = 'ReelCaptionAtlas';
export const STILLS_ID = 'ReelStills';
