/**
 * Applies the theme to the frame document through CSSOM only: `data-color-scheme` on the root, the `--ck-*`
 * overrides from `themeVariables`, the layout constants, and web fonts loaded with the FontFace API. Theme values
 * are validated and re-serialized by src/config — never raw text from options.
 */
import { effect } from '@preact/signals';
import { LAUNCHER_SIZE, PANEL_GAP } from '../bridge/layout.ts';
import { fontFaceDescriptors, themeVariables } from '../config/theme.ts';
import type { AppModel } from '../store/app-model.ts';

/** Starts the theme effects; returns their disposer. */
export function applyTheme(app: AppModel, root: HTMLElement = document.documentElement): () => void {
  root.style.setProperty('--ck-launcher-size', `${LAUNCHER_SIZE}px`);
  root.style.setProperty('--ck-panel-gap', `${PANEL_GAP}px`);
  let applied: string[] = [];
  const loadedFonts = new Set<string>();
  const stopTheme = effect(() => {
    const theme = app.options.value.theme;
    const { colorScheme, vars } = themeVariables(theme);
    root.dataset.colorScheme = colorScheme;
    for (const name of applied) if (!(name in vars)) root.style.removeProperty(name);
    for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);
    applied = Object.keys(vars);
    const loads: Promise<string | null>[] = [];
    for (const font of fontFaceDescriptors(theme.typography.fontSources, app.baseUrl)) {
      const key = `${font.family}|${font.src}|${JSON.stringify(font.descriptors)}`;
      if (loadedFonts.has(key) || typeof FontFace === 'undefined') continue;
      loadedFonts.add(key);
      const face = new FontFace(font.family, font.src, font.descriptors);
      document.fonts.add(face);
      loads.push(face.load().then(() => null, () => font.src));
    }
    // A web font that fails falls back to the next family quietly: not an error for the app (a family has one face
    // per weight and style, so a down font server would raise many), said once in chatkit.log.
    if (loads.length) {
      void Promise.all(loads).then((results) => {
        const failed = results.filter((r): r is string => r !== null);
        if (failed.length) app.emit('chatkit.log', { name: 'font.load.failed', data: { sources: failed } });
      });
    }
  });
  const stopLocale = effect(() => {
    const { lang, dir } = app.locale.value;
    root.lang = lang;
    root.dir = dir;
  });
  return () => {
    stopTheme();
    stopLocale();
  };
}
