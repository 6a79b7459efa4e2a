/** Everything the demo agent says, in one place so that wording can change without touching behaviour. */

/** The demos, as listed by "help": trigger words and what they show. */
export const DEMO_LIST: readonly (readonly [string, string])[] = [
  ['sources', 'an answer with a web page, a file and an entity as cited sources'],
  ['progress', 'progress lines while working, then an answer'],
  ['notice', 'an info notice and a warning notice'],
  ['workflow', 'a custom workflow with live tasks, then a reasoning workflow'],
  ['widget', 'a card with buttons handled on the server, and a form'],
  ['form', 'just the form widget'],
  ['client tool', 'a tool the page runs (`get_page_info`), then a summary of its result'],
  ['error', 'an answer that fails half way; retry it and it works'],
  ['long', 'a long Markdown answer with headings, lists, code and a table (also: markdown)'],
  ['structured', 'questions with choices and a free-form answer'],
  ['image', 'a generated image with progress previews'],
  ['effect', 'a client effect sent to the host page'],
  ['lock', 'locks this conversation (the composer is disabled)'],
  ['close', 'closes this conversation'],
];

/** The answer to "help". */
export const HELP_TEXT = [
  "I'm the demo agent. Send a message containing one of these words to see a feature:",
  '',
  ...DEMO_LIST.map(([word, what]) => `- **${word}**: ${what}`),
  '',
  'Attach files and I will list them. Anything else, I echo back.',
].join('\n');

/** The friendly fallback for anything that is not a demo. */
export function echoText(message: string): string {
  const quoted = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return `You said: “${quoted}”. I'm a demo agent without a language model; type **help** to see what I can show.`;
}

/** Sentences of the sources demo, each followed by the citation it carries. */
export const SOURCES_PARTS = [
  'ChatKit conversations are made of threads and items',
  ', the reference backend follows the protocol notes in this repository',
  ', and answers can point at entities such as Ada Lovelace',
  '.',
] as const;

/** Progress lines of the progress demo. */
export const PROGRESS_STEPS: readonly (readonly [icon: string, text: string])[] = [
  ['search', 'Searching the knowledge base…'],
  ['document', 'Reading three documents…'],
  ['sparkle', 'Writing the answer…'],
];

/** The answer after the progress lines. */
export const PROGRESS_ANSWER = 'Done. Progress lines are transient: they disappear once the answer arrives.';

/** The answer after the notices. */
export const NOTICE_ANSWER = 'Notices are shown beside the conversation; they are not part of the thread.';

/** Reasoning shown in the reasoning workflow, grown word by word. */
export const REASONING_TEXT = 'The user asked for a workflow demo, so I should show tasks that update while I work.';

/** The answer after both workflows. */
export const WORKFLOW_ANSWER = 'That was a custom workflow followed by a reasoning workflow. Both collapse when done.';

/** The answer after the widgets of the widget demo. */
export const WIDGET_ANSWER = 'Press a button or fill in the form: the server replaces the widget and answers.';

/** What the agent says while the page runs the client tool. */
export const CLIENT_TOOL_PROGRESS = 'Asking the page about itself…';

/** The first half of the error demo's answer, before it fails. */
export const ERROR_PREFIX = 'This answer is going to fail half way through, on purpose';
/** The error demo's answer on retry. */
export const ERROR_RETRY_ANSWER = 'This time it worked. Retrying re-runs the response for the same message.';

/** The answer of the structured input demo's continuation. */
export function structuredAnswer(lines: readonly string[]): string {
  return ['Thanks! You answered:', '', ...lines.map((line) => `- ${line}`)].join('\n');
}

/** The answer after the generated image. */
export const IMAGE_ANSWER = 'Here is your (very small) generated image.';
/** The answer after the client effect. */
export const EFFECT_ANSWER = 'I sent a `celebrate` effect to the page; hosts receive it as a `chatkit.effect` event.';

/** The thread status reason of the lock demo. */
export const LOCK_REASON = 'Locked by the demo. Start a new chat to continue.';
/** The thread status reason of the close demo. */
export const CLOSE_REASON = 'This conversation was closed by the demo.';
/** The answer of the lock demo. */
export const LOCK_ANSWER = 'I locked this conversation: the composer is now disabled.';
/** The answer of the close demo. */
export const CLOSE_ANSWER = 'I closed this conversation.';

/** The long Markdown answer. */
export const LONG_MARKDOWN = `# A tour of Markdown

Answers are **Markdown**: *emphasis*, \`inline code\`, ~~strikethrough~~ and [links](https://example.com).

## Lists

1. Ordered lists
2. With several items
   - and nested bullets
   - that keep their indentation
3. Back to the outer list

- [x] Task lists
- [ ] are supported too

## Code

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

\`\`\`python
def greet(name: str) -> str:
    return f"Hello, {name}!"
\`\`\`

## A table

| Feature | Status | Notes |
|---|:---:|---|
| Streaming | done | word by word |
| Widgets | done | cards, forms, lists |
| Attachments | done | two-phase or direct |

## Quotes

> Simplicity is prerequisite for reliability.
> — Edsger W. Dijkstra

### Long paragraphs wrap

${'This sentence repeats to make a longer paragraph that shows how text wraps in the thread. '.repeat(4).trim()}

That's the end of the tour. See the [ChatKit docs](https://platform.openai.com/docs/guides/chatkit) for more.`;

/** A human-readable file size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
