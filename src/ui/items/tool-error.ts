/** What a finished client tool call failed with; shared by the lazy view and the check that skips loading it. */

/** The `error` of a tool output as text (at most 300 characters), or null when the output has no `error` key. */
export function readToolError(output: unknown): string | null {
  if (!output || typeof output !== 'object' || Array.isArray(output) || !Object.hasOwn(output, 'error')) return null;
  const error = (output as { error: unknown }).error;
  let text: string;
  try {
    text = typeof error === 'string' ? error : (JSON.stringify(error) ?? '');
  } catch {
    text = '';
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
