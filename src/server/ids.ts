/** Identifiers for threads, items and attachments, prefixed by kind like the Python SDK's (`thr_…`, `msg_…`). */
import { randomBytes } from 'node:crypto';

/** What an identifier names; the prefix follows chatkit-python's `default_generate_id`. */
export type IdKind =
  | 'thread'
  | 'message'
  | 'tool_call'
  | 'task'
  | 'workflow'
  | 'attachment'
  | 'image'
  | 'hidden_context'
  | 'sdk_hidden_context';

const PREFIXES: Record<IdKind, string> = {
  thread: 'thr',
  message: 'msg',
  tool_call: 'tc',
  task: 'tsk',
  workflow: 'wf',
  attachment: 'atc',
  image: 'img',
  hidden_context: 'hcx',
  sdk_hidden_context: 'shcx',
};

/** Returns a new identifier of the given kind. */
export type GenerateId = (kind: IdKind) => string;

/**
 * Random identifiers. 64 bits, not Python's 32: attachment ids double as the capability to read the file at
 * `/files/<id>`, so they must not be guessable.
 */
export function createIdGenerator(): GenerateId {
  return (kind) => `${PREFIXES[kind]}_${randomBytes(8).toString('hex')}`;
}

/** Whether a string is shaped like an identifier we could have issued (safe in a URL path and a file name). */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,128}$/.test(id);
}
