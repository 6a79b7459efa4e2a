/**
 * Geometry shared by the loader (which sizes the iframe) and the frame (which lays out launcher and panel
 * inside it). The frame copies these into CSS custom properties at boot, so the numbers live only here.
 */

/** Launcher button diameter, px. */
export const LAUNCHER_SIZE = 56;
/** Space between the open panel and the launcher, px. */
export const PANEL_GAP = 16;
/** Open panel width on wide viewports, px. */
export const PANEL_WIDTH = 400;
/** Open panel maximum height, px. */
export const PANEL_MAX_HEIGHT = 704;
/** Smallest panel height before the panel takes the whole viewport instead, px. */
export const PANEL_MIN_HEIGHT = 320;
/** Viewports narrower than this show the open panel over the whole visual viewport. */
export const COMPACT_BELOW = 640;
