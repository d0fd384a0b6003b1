/** The URL hash prefix of a share link, which carries the compressed document. */
export const SHARE_PREFIX = '#graph=';
