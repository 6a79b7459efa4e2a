/**
 * Where the iframe goes and how big it is, computed in the frame from the host viewport metrics the loader
 * sends, and applied by the loader to the iframe element (CSSOM `setProperty(…, 'important')`: strict CSPs
 * allow it, and host rules such as `iframe { width: 100% !important }` cannot override it).
 * The iframe covers exactly what is visible — never an invisible layer over the host:
 *  - closed: the launcher's circle only (border-radius also clips hit testing);
 *  - closed without launcher: nothing (0×0, hidden);
 *  - open on a wide viewport: panel plus launcher, with a clip-path cutting away the transparent strip beside
 *    the launcher, so clicks there reach the host;
 *  - open on a narrow viewport: the whole visual viewport (so the on-screen keyboard never hides the composer).
 */
import type { Metrics } from '../bridge/messages.ts';
import { COMPACT_BELOW, LAUNCHER_SIZE as L, PANEL_GAP as G, PANEL_MAX_HEIGHT, PANEL_MIN_HEIGHT, PANEL_WIDTH } from '../bridge/layout.ts';

/** Everything placement depends on besides the viewport. */
export interface Placement {
  open: boolean;
  launcher: boolean;
  side: 'left' | 'right';
  zIndex: number;
  offsetX: number;
  offsetY: number;
  scheme: 'light' | 'dark';
}

/** CSS declarations for the iframe element, in order. */
export type Styles = [property: string, value: string][];

// The launcher circle approximated by an octagon (corners cut by r·(1 − 1/√2) ≈ 8 px of a 28 px radius).
const C = 8;

/** Panel rectangle + launcher octagon as one polygon; zero-width edges at the outer side join the shapes. */
export function panelClipPath(w: number, h: number, side: 'left' | 'right'): string {
  const t = h + G;
  const b = t + L;
  const pts: [number, number][] = [
    [0, 0], [w, 0], [w, t + C], [w, b - C], [w - C, b], [w - L + C, b], [w - L, b - C],
    [w - L, t + C], [w - L + C, t], [w - C, t], [w, t + C], [w, h], [0, h],
  ];
  return `polygon(${pts.map(([x, y]) => `${side === 'left' ? w - x : x}px ${y}px`).join(', ')})`;
}

/** True when the open panel should take the whole visual viewport. */
export const isCompact = ([w, h]: Metrics, p: Pick<Placement, 'launcher' | 'offsetY'>): boolean =>
  w < COMPACT_BELOW || h - 2 * p.offsetY - (p.launcher ? L + G : 0) < PANEL_MIN_HEIGHT;

const px = (n: number): string => `${Math.max(0, Math.round(n))}px`;

/** The floating iframe's styles for `p` in viewport `m`. */
export function frameStyles(p: Placement, m: Metrics): { styles: Styles; compact: boolean } {
  const compact = isCompact(m, p);
  const [vw0, vh0, vx, vy, vw, vh] = m;
  const styles: Styles = [
    ['position', 'fixed'], ['display', 'block'], ['border', '0'], ['margin', '0'], ['padding', '0'],
    ['max-width', 'none'], ['max-height', 'none'], ['min-width', '0'], ['min-height', '0'],
    ['background', 'transparent'], ['color-scheme', p.scheme], ['z-index', String(p.zIndex)],
    ['visibility', p.open || p.launcher ? 'visible' : 'hidden'],
    ['box-shadow', p.open ? 'none' : '0 4px 16px rgba(0,0,0,.18)'],
  ];
  if (p.open && compact) {
    styles.push(
      ['top', px(vy)], ['left', px(vx)], ['right', 'auto'], ['bottom', 'auto'],
      ['width', px(vw)], ['height', px(vh)], ['border-radius', '0'], ['clip-path', 'none'],
    );
    return { styles, compact };
  }
  const extra = p.launcher ? L + G : 0;
  const w = p.open ? Math.min(PANEL_WIDTH, vw0 - 2 * p.offsetX) : p.launcher ? L : 0;
  const h = p.open ? Math.min(PANEL_MAX_HEIGHT, vh0 - 2 * p.offsetY - extra) : 0;
  styles.push(
    ['top', 'auto'], ['bottom', px(p.offsetY)],
    [p.side, px(p.offsetX)], [p.side === 'right' ? 'left' : 'right', 'auto'],
    ['width', px(w)], ['height', px(p.open ? h + extra : w)],
    ['border-radius', p.open ? (p.launcher ? '0' : '16px') : '50%'],
    ['clip-path', p.open && p.launcher ? panelClipPath(w, h, p.side) : 'none'],
  );
  return { styles, compact };
}

/** Styles for inline mode: fill the `<openai-chatkit>` element. */
export const INLINE_STYLES: Styles = [['display', 'block'], ['width', '100%'], ['height', '100%'], ['border', '0'], ['color-scheme', 'normal']];
