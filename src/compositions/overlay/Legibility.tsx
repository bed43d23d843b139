// The Reel's legibility overlay alone on a transparent frame, for the
// compositing renderer to lay over the footage as one still.
import React from 'react';
import {AbsoluteFill} from 'remotion';
import type {Aspect} from '../../plan';
import {LEGIBILITY_OVERLAY} from '../video/grade';

// `aspect` only sizes the composition (see register.tsx).
export const Legibility: React.FC<{aspect: Aspect}> = () => <AbsoluteFill style={{backgroundImage: LEGIBILITY_OVERLAY}} />;
