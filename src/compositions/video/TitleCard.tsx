// A title card: the shot's key phrase on a background coloured by the scene's
// mood, for a shot no clip in the library fits. Deliberately static (no
// useCurrentFrame): every frame is the same picture, so a renderer may draw it
// once; the cut into and out of it comes from the shot's transitions.
import React from 'react';
import {AbsoluteFill} from 'remotion';
import type {Mood, Style} from '../../plan';
import {CAPTION_FONT_FAMILY, loadCaptionFont} from '../captions/font';
import {gradeFilter} from './grade';

// The captions' face (Montserrat ExtraBold, bundled): one type family on screen.
if (typeof document !== 'undefined') void loadCaptionFont();

/** Background gradient (top → bottom) and accent per mood. Tune: keep the top dark enough for white text. */
export const TITLE_CARD_COLOURS: Record<Mood['label'], {from: string; to: string; accent: string}> = {
	calm: {from: '#1f4a52', to: '#5f8f8a', accent: '#cfe8dc'},
	neutral: {from: '#20242f', to: '#454c60', accent: '#c9cfdd'},
	upbeat: {from: '#b5430b', to: '#e89a2c', accent: '#ffe7a8'},
	intense: {from: '#3a0509', to: '#9b1016', accent: '#ffb199'},
	somber: {from: '#101826', to: '#34465c', accent: '#a9b8cc'},
};

/** At 1080 px output width; scaled with the video. Tune: long phrases wrap within MAX_TEXT_WIDTH. */
const FONT_SIZE_PX = 112;
/** Texts longer than this many characters shrink (to at most MIN_FONT_SHARE of the size), so a sentence still fits. */
const SHORT_TEXT_CHARS = 18;
const MIN_FONT_SHARE = 0.55;
const MAX_TEXT_WIDTH = 0.8;
/** Text centre as a share of the height: above the captions, which sit low. */
const TEXT_CENTRE = 0.42;

export type TitleCardProps = {text: string; mood: Mood | null; style: Style; width: number; height: number};

export const TitleCard: React.FC<TitleCardProps> = ({text, mood, style, width, height}) => {
	const colours = TITLE_CARD_COLOURS[mood?.label ?? 'neutral'];
	const unit = width / 1080;
	const fontShare = Math.max(MIN_FONT_SHARE, Math.min(1, Math.sqrt(SHORT_TEXT_CHARS / text.length)));
	return (
		<AbsoluteFill style={{backgroundColor: colours.from, overflow: 'hidden'}}>
			<AbsoluteFill style={{backgroundImage: `linear-gradient(160deg, ${colours.from} 0%, ${colours.to} 100%)`, filter: gradeFilter(mood, style)}} />
			<div
				style={{
					position: 'absolute',
					left: (width * (1 - MAX_TEXT_WIDTH)) / 2,
					width: width * MAX_TEXT_WIDTH,
					top: height * TEXT_CENTRE,
					transform: 'translateY(-50%)',
					textAlign: 'center',
				}}
			>
				<div style={{width: 120 * unit, height: 10 * unit, margin: `0 auto ${36 * unit}px`, backgroundColor: colours.accent, borderRadius: 5 * unit}} />
				<div
					style={{
						fontFamily: CAPTION_FONT_FAMILY,
						fontWeight: 800,
						fontSize: FONT_SIZE_PX * fontShare * unit,
						lineHeight: 1.08,
						letterSpacing: '0.01em',
						textTransform: 'uppercase',
						color: '#fff',
						overflowWrap: 'break-word',
						textShadow: `0 ${4 * unit}px ${24 * unit}px rgba(0,0,0,0.35)`,
					}}
				>
					{text}
				</div>
			</div>
		</AbsoluteFill>
	);
};
