/**
 * English UI strings: the source of truth. `Strings` is derived from this table, so every other locale
 * (typed `Strings`) must provide exactly these keys or fail to compile.
 * Templates use `{name}` placeholders (see format.ts); plural messages select a form with Intl.PluralRules
 * and interpolate the number as `{count}`.
 */

/** One message per CLDR plural category; `other` is required, the rest are used when the language has them. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const table = {
  // Launcher, panel, header
  openChat: 'Open chat',
  closeChat: 'Close chat',
  chat: 'Chat',
  newChat: 'New chat',
  history: 'History',
  closeHistory: 'Close history',
  backToChat: 'Back to chat',
  table: 'Table',
  /** Accessible name of a code block's scrollable region (its language follows). */
  code: 'Code',
  notConfigured: 'This chat is not set up yet: its server address is missing.',
  close: 'Close',
  back: 'Back',
  moreOptions: 'More options',
  threadActions: 'Conversation actions',
  messageActions: 'Message actions',

  // Composer
  composerLabel: 'Message',
  defaultGreeting: 'What can I help with today?',
  defaultPlaceholder: 'Message the AI',
  send: 'Send message',
  stop: 'Stop generating',
  attachFile: 'Attach file',
  attachments: 'Attachments',
  removeAttachment: 'Remove {name}',
  removeTag: 'Remove {name}',
  removeQuote: 'Remove quote',
  /** `{max}` is a formatted size such as "10 MB" (formatBytes). */
  fileTooLarge: '{name} is larger than {max}.',
  tooManyFiles: { one: 'You can attach only one file.', other: 'You can attach up to {count} files.' },
  fileTypeNotAccepted: 'The file type of {name} isn’t supported.',
  uploading: 'Uploading…',
  uploadFailed: 'Couldn’t upload {name}.',
  dropFilesHere: 'Drop files to attach them',
  dictate: 'Dictate',
  stopDictation: 'Stop dictation',
  transcribing: 'Transcribing…',
  microphoneDenied: 'Microphone access was denied.',
  tools: 'Tools',
  removeTool: 'Remove tool',
  models: 'Models',
  mention: 'Mention',
  commands: 'Commands',
  composerActions: 'Composer',
  noResults: 'No results',
  searchFailed: 'Couldn’t load suggestions.',
  /** Name of the model picker button; `{name}` is the current model's label. */
  modelPicker: 'Model: {name}',
  retryUpload: 'Retry uploading {name}',
  recording: 'Recording…',
  dictationFailed: 'Couldn’t transcribe the recording.',
  dictationUnavailable: 'Dictation isn’t available here.',

  // Messages
  you: 'You',
  assistant: 'Assistant',
  retry: 'Retry',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Couldn’t copy',
  copyCode: 'Copy code',
  goodResponse: 'Good response',
  badResponse: 'Bad response',
  feedbackThanks: 'Thanks for your feedback!',
  sources: 'Sources',
  showMore: 'Show more',
  showLess: 'Show less',
  /** Shown after a reasoning step; `{seconds}` is a whole number. */
  thoughtFor: 'Thought for {seconds}s',
  thinking: 'Thinking…',
  working: 'Working…',
  /** Summary of a finished custom workflow; `{seconds}` is a whole number. */
  workedFor: 'Worked for {seconds}s',
  searchingWeb: 'Searching the web…',
  searchedWeb: 'Searched the web',
  generatingImage: 'Generating image…',
  /** Accessible name of an inline citation marker; `{numbers}` like "1, 2", `{titles}` the source titles. */
  citation: 'Sources {numbers}: {titles}',
  /** Header of a finished workflow without a summary. */
  steps: { one: '{count} step', other: '{count} steps' },
  taskLoading: 'In progress',
  taskComplete: 'Done',
  /** Status line while the host page runs a client tool; `{name}` is the tool's name. */
  runningTool: 'Running {name}…',
  toolFailed: '{name} failed',
  /** Alt text of a generated image. */
  generatedImage: 'Generated image',
  /** Button on an image held back because its host is not in allowed_image_domains. */
  loadImage: 'Load image from {host}',
  image: 'Image',
  file: 'File',
  /** Appended (visually hidden) to links that open a new tab. */
  opensInNewTab: '(opens in a new tab)',
  unread: { one: '{count} unread message', other: '{count} unread messages' },
  jumpToLatest: 'Jump to latest',

  // Errors and thread status
  genericError: 'Something went wrong.',
  networkError: 'Network error. Check your connection and try again.',
  streamInterrupted: 'The response was interrupted.',
  threadLocked: 'This conversation is locked.',
  threadClosed: 'This conversation has ended.',
  dismiss: 'Dismiss',
  loadingOlder: 'Loading earlier messages…',
  loading: 'Loading…',

  // History
  renameThread: 'Rename',
  deleteThread: 'Delete',
  deleteThreadConfirm: 'Delete this conversation? This can’t be undone.',
  /** Label of the title field while renaming. */
  threadTitle: 'Title',
  cancel: 'Cancel',
  save: 'Save',
  delete: 'Delete',
  untitledThread: 'Untitled chat',
  noThreads: 'No conversations yet',
  today: 'Today',
  yesterday: 'Yesterday',
  previous7Days: 'Previous 7 days',
  older: 'Older',

  // Structured input and widget controls
  skip: 'Skip',
  skipped: 'Skipped',
  submit: 'Submit',
  patternMismatch: 'Match the requested format.',
  otherAnswer: 'Other',
  otherAnswerFor: 'Other answer to: {question}',
  otherAnswerPlaceholder: 'Your answer',
  chooseDate: 'Choose date',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  time: 'Time',
  answerQuestions: 'Answer the assistant’s questions',
  selectOption: 'Select…',
  pickDate: 'Pick a date',
};

/** Every built-in UI string; keys and doc comments come from the English table. */
export type Strings = {
  readonly [K in keyof typeof table]: (typeof table)[K] extends string ? string : PluralForms;
};

/** A key whose value is a plain template. */
export type TextKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

/** A key whose value is a set of plural forms. */
export type PluralKey = Exclude<keyof Strings, TextKey>;

/** The English strings, always in the main bundle. */
export const en: Strings = table;
