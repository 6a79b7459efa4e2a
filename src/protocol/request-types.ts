/**
 * Which request types stream. Separate from requests.ts so the browser can ask without bundling every request
 * schema (schema construction runs at import time, so bundlers cannot drop it).
 */

/** The request types answered with an SSE stream; the rest are answered with JSON. */
export const STREAMING_REQUEST_TYPES = [
  'threads.create',
  'threads.add_user_message',
  'threads.add_client_tool_output',
  'threads.add_structured_input',
  'threads.retry_after_item',
  'threads.custom_action',
] as const;

/** A request type answered with an SSE stream. */
export type StreamingRequestType = (typeof STREAMING_REQUEST_TYPES)[number];

/** Whether a request of this type is answered with an SSE stream (otherwise JSON). */
export function isStreamingRequestType(type: string): type is StreamingRequestType {
  return (STREAMING_REQUEST_TYPES as readonly string[]).includes(type);
}
