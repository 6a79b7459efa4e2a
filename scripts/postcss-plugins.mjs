/**
 * The two PostCSS plugins the stylesheet build needs, kept local instead of adding dependencies:
 * - inlineImports: resolves `@import "./x.css";` relative to the importing file (one output stylesheet);
 * - checkTokens: fails the build on literal colours outside styles/tokens.css, so every colour is a token
 *   that themes (and the dark scheme) can override.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import postcss from 'postcss';

/** Replaces `@import "<relative>.css";` with the parsed file, recursively, each file once. */
export function inlineImports() {
  return {
    postcssPlugin: 'chatkit-inline-imports',
    Once(root) {
      const seen = new Set();
      const expand = (node) => {
        node.walkAtRules('import', (rule) => {
          const match = /^["']([^"']+\.css)["']$/.exec(rule.params.trim());
          if (!match) throw rule.error(`only relative "./file.css" imports are supported: ${rule.params}`);
          const file = resolve(dirname(rule.source.input.file), match[1]);
          if (seen.has(file)) return void rule.remove();
          seen.add(file);
          const child = postcss.parse(readFileSync(file, 'utf8'), { from: file });
          expand(child);
          rule.replaceWith(child.nodes);
        });
      };
      expand(root);
    },
  };
}

const LITERAL_COLOR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black|red|green|blue|gray|grey|yellow|orange|purple|pink)\b/i;

/** Rejects literal colours in any file but the token files (tokens.css, widget-tokens.css). */
export function checkTokens() {
  return {
    postcssPlugin: 'chatkit-check-tokens',
    Declaration(decl) {
      const file = decl.source?.input.file ?? '';
      if (basename(file).endsWith('tokens.css')) return;
      if (LITERAL_COLOR.test(decl.value)) {
        throw decl.error(`literal colour "${decl.value}" outside styles/tokens.css; use a --ck-* token`);
      }
    },
  };
}
