import type { Recording } from '../../engine/index';
import type { SliceCreator } from '../store/types';

/** A recording opened in the app, and which of its runs is on screen. */
export interface OpenRecording {
  recording: Recording;
  sample: number;
}

/**
 * Where the views stand on the run's timeline. `timelineIndex` counts the events applied: the
 * views show the run as it was after that many (null = as it is now, following a live run).
 */
export interface TimelineSlice {
  timelineIndex: number | null;
  openRecording: OpenRecording | null;
  /** A run playing back from its events, at this speed (Infinity = instantly). */
  playback: { speed: number } | null;
  setTimelineIndex: (index: number | null) => void;
  setOpenRecording: (open: OpenRecording | null) => void;
  setPlayback: (playback: { speed: number } | null) => void;
}

export const createTimelineSlice: SliceCreator<TimelineSlice> = (set) => ({
  timelineIndex: null,
  openRecording: null,
  playback: null,
  setTimelineIndex: (timelineIndex) => set({ timelineIndex }),
  setOpenRecording: (openRecording) => set({ openRecording }),
  setPlayback: (playback) => set({ playback }),
});
