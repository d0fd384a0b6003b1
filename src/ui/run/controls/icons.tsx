/** Small inline icons: the system fonts on some machines lack the media-control glyphs. */
const box = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true } as const;

export const StepIcon = () => (
  <svg {...box}>
    <path d="M2 2 L9 7 L2 12 Z" fill="currentColor" />
    <rect x="10" y="2" width="2" height="10" fill="currentColor" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...box}>
    <rect x="3" y="2" width="3" height="10" fill="currentColor" />
    <rect x="8" y="2" width="3" height="10" fill="currentColor" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...box}>
    <path d="M3 2 L12 7 L3 12 Z" fill="currentColor" />
  </svg>
);
export const StopIcon = () => (
  <svg {...box}>
    <rect x="3" y="3" width="8" height="8" fill="currentColor" />
  </svg>
);
