/** Which info-string languages are highlighted, by grammar; kept out of the lazy chunk so unknown ones load nothing. */

/** A highlighted token: its class name ('' for plain text) and its text. */
export type Token = [cls: string, text: string];

const ALIASES: Record<string, string> = {
  js: 'javascript', javascript: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  ts: 'typescript', typescript: 'typescript', tsx: 'typescript', mts: 'typescript',
  py: 'python', python: 'python', python3: 'python',
  sh: 'bash', bash: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', shellsession: 'bash',
  json: 'json', jsonc: 'json', json5: 'json',
  sql: 'sql', postgresql: 'sql', postgres: 'sql', mysql: 'sql', sqlite: 'sql',
  html: 'xml', xml: 'xml', svg: 'xml', xhtml: 'xml', vue: 'xml',
  css: 'css', go: 'go', golang: 'go', rust: 'rust', rs: 'rust', java: 'java',
  c: 'c', h: 'c', cpp: 'cpp', 'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp',
  yaml: 'yaml', yml: 'yaml', diff: 'diff', patch: 'diff',
};

/** The grammar for a fence's language, or null when it is not one we highlight. */
export const grammarFor = (lang: string): string | null => ALIASES[lang.toLowerCase()] ?? null;

/** Token classes that get a colour (styles/markdown.css); the rest render as plain text. */
export const TOKEN_CLASSES = new Set([
  'keyword', 'built_in', 'type', 'literal', 'number', 'string', 'regexp', 'symbol', 'comment', 'doctag', 'meta',
  'title', 'function', 'class', 'params', 'attr', 'attribute', 'variable', 'property', 'tag', 'name', 'selector-tag',
  'selector-class', 'selector-id', 'selector-attr', 'selector-pseudo', 'addition', 'deletion', 'section', 'bullet',
  'subst', 'template-variable', 'quote', 'link',
]);
