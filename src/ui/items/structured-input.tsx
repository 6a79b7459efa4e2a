/**
 * Structured input (CHATKIT.md §3.5.7, C10): while the item is pending, a form — a radio group (checkboxes when
 * `multiple`) per multiple-choice question, a text area per free-form one — with Submit and Skip; once the
 * server has replaced it (answered or skipped), the answers, read-only. Only answered questions are sent: the
 * server records the others as skipped. The form is disabled while a response streams.
 */
import { useId, useState } from 'preact/hooks';
import type { StructuredInputItem } from '../../protocol/items.ts';
import type { StructuredInput, StructuredInputSubmission } from '../../protocol/structured-input.ts';
import { useModels } from '../context.ts';

type Values = Readonly<Record<string, readonly string[]>>;

/** The submission for the current values: each question with at least one non-blank value. */
export function buildAnswers(inputs: readonly StructuredInput[], values: Values): StructuredInputSubmission['answers'] {
  const answers: StructuredInputSubmission['answers'] = {};
  for (const input of inputs) {
    const picked = (values[input.id] ?? []).map((v) => (input.type === 'freeform' ? v.trim() : v)).filter(Boolean);
    if (picked.length) answers[input.id] = { values: input.type === 'multiple_choice' && input.multiple ? picked : picked.slice(0, 1) };
  }
  return answers;
}

function Question({ input, values, disabled, onChange }: { input: StructuredInput; values: readonly string[]; disabled: boolean; onChange: (v: string[]) => void }) {
  const id = useId();
  if (input.type === 'freeform') {
    return (
      <div class="ck-si-question">
        <label for={id} class="ck-si-legend">
          {input.question}
        </label>
        {input.description && (
          <p id={`${id}-d`} class="ck-si-description">
            {input.description}
          </p>
        )}
        <textarea
          id={id}
          class="ck-field"
          rows={2}
          disabled={disabled}
          value={values[0] ?? ''}
          aria-describedby={input.description ? `${id}-d` : undefined}
          onInput={(e) => onChange([e.currentTarget.value])}
        />
      </div>
    );
  }
  const multiple = input.multiple;
  return (
    <fieldset class="ck-si-question" disabled={disabled}>
      <legend class="ck-si-legend">{input.question}</legend>
      {input.options.map((option) => (
        <label key={option.value} class="ck-si-option">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={id}
            value={option.value}
            checked={values.includes(option.value)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              if (!multiple) onChange(on ? [option.value] : []);
              // Kept in the order of the options, whatever order they were ticked in.
              else onChange(input.options.map((o) => o.value).filter((v) => (v === option.value ? on : values.includes(v))));
            }}
          />
          <span>{option.value}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Answers({ item }: { item: StructuredInputItem }) {
  const s = useModels().app.strings.value;
  return (
    <dl class="ck-si ck-si-answers">
      {item.inputs.map((input) => {
        const answer = input.answer;
        const skipped = item.status === 'skipped' || !answer || answer.skipped || answer.values.length === 0;
        return (
          <div key={input.id}>
            <dt>{input.question}</dt>
            <dd data-skipped={skipped ? 'true' : undefined}>{skipped ? s.skipped : answer.values.join(', ')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One structured input item. */
export function StructuredInputView({ item }: { item: StructuredInputItem }) {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const [values, setValues] = useState<Values>({});
  const [sending, setSending] = useState(false);
  if (item.status !== 'pending') return <Answers item={item} />;
  const busy = sending || chat.status.value !== 'idle';
  const answers = buildAnswers(item.inputs, values);
  const send = (submission: StructuredInputSubmission): void => {
    setSending(true);
    chat
      .submitStructuredInput(item.id, submission)
      .catch((e: Error) => app.reportError(e))
      .finally(() => setSending(false));
  };
  return (
    <form
      class="ck-si"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && Object.keys(answers).length) send({ status: 'answered', answers });
      }}
    >
      {item.inputs.map((input) => (
        <Question key={input.id} input={input} values={values[input.id] ?? []} disabled={busy} onChange={(v) => setValues((prev) => ({ ...prev, [input.id]: v }))} />
      ))}
      <div class="ck-si-actions">
        <button type="button" class="ck-button ck-quiet" disabled={busy} onClick={() => send({ status: 'skipped', answers: {} })}>
          {s.skip}
        </button>
        <button type="submit" class="ck-button ck-si-submit" disabled={busy || !Object.keys(answers).length}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
