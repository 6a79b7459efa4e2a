// The Markdown engine is a lazy chunk in the frame (src/markdown/markdown.tsx); tests render synchronously,
// so it is loaded before each test file runs.
import { loadMarkdown } from '../../src/markdown/markdown.tsx';

await loadMarkdown();
