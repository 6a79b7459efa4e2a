/** Recording the answers to a `structured_input` item (CHATKIT.md §3.5.7, chatkit-python's rules). */
import type { StructuredInputItem, StructuredInputSubmission } from '../protocol/index.ts';

/**
 * The item with its answers filled in and its status set. An input with no answer, an empty or skipped answer,
 * or any input when the whole submission is `skipped`, is recorded as `{values: [], skipped: true}`;
 * a single-choice question keeps only the first value; answers to unknown ids are ignored.
 */
export function applyStructuredInput(
  item: StructuredInputItem,
  submission: StructuredInputSubmission,
): StructuredInputItem {
  const inputs = item.inputs.map((input) => {
    const answer = Object.hasOwn(submission.answers, input.id) ? submission.answers[input.id] : undefined;
    if (submission.status === 'skipped' || !answer || answer.skipped || answer.values.length === 0) {
      return { ...input, answer: { values: [], skipped: true } };
    }
    const single = input.type === 'multiple_choice' && !input.multiple;
    return { ...input, answer: { values: single ? answer.values.slice(0, 1) : [...answer.values], skipped: false } };
  });
  return { ...item, status: submission.status, inputs };
}
