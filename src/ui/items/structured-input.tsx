/**
 * Structured input (CHATKIT.md §3.5.7, C10). While the item is pending, ChatKit's prompt takes over the composer
 * area (composer.tsx renders {@link StructuredInputPrompt} instead of the text box) and the transcript shows
 * nothing for it: a radio group (checkboxes when `multiple`) per multiple-choice question — plus an "Other" choice
 * with its own text box where the question has `allow_other` — a text area per free-form one, Submit and Skip.
 * Once the server has replaced it (answered or skipped), the transcript shows the answers, read-only. Only
 * answered questions are sent: the server records the others as skipped. The form is disabled while a response
 * streams; it takes focus when it appears in place of a focused composer, and gives it back when it goes.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { StructuredInputItem } from '../../protocol/items.ts';
import type { StructuredInput, StructuredInputSubmission } from '../../protocol/structured-input.ts';
import { formatString } from '../../i18n/format.ts';
import { useModels } from '../context.ts';

type Values = Readonly<Record<string, readonly string[]>>;
/** The "Other" answer of each question that has one chosen: its text (possibly still empty). */
type Others = Readonly<Record<string, string>>;

/**
 * The submission for the current values: each question with at least one non-blank value; a chosen "Other"
 * adds its trimmed text after the picked options (it replaces them on a single-choice question).
 */
export function buildAnswers(inputs: readonly StructuredInput[], values: Values, others: Others = {}): StructuredInputSubmission['answers'] {
  const answers: StructuredInputSubmission['answers'] = {};
  for (const input of inputs) {
    const other = input.type === 'multiple_choice' && input.allow_other && Object.hasOwn(others, input.id) ? [others[input.id]!.trim()] : [];
    const picked = [...(values[input.id] ?? []).map((v) => (input.type === 'freeform' ? v.trim() : v)), ...other].filter(Boolean);
    if (picked.length) answers[input.id] = { values: input.type === 'multiple_choice' && input.multiple ? picked : picked.slice(-1) };
  }
  return answers;
}

interface QuestionProps {
  input: StructuredInput;
  values: readonly string[];
  /** The "Other" text when "Other" is chosen, else undefined. */
  other: string | undefined;
  disabled: boolean;
  onChange: (v: string[], other: string | undefined) => void;
}

function Question({ input, values, other, disabled, onChange }: QuestionProps) {
  const id = useId();
  const s = useModels().app.strings.value;
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
          onInput={(e) => onChange([e.currentTarget.value], undefined)}
        />
      </div>
    );
  }
  const multiple = input.multiple;
  const otherOn = other !== undefined;
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
              // A single choice: picking an option drops "Other".
              if (!multiple) onChange(on ? [option.value] : [], on ? undefined : other);
              // Kept in the order of the options, whatever order they were ticked in.
              else onChange(input.options.map((o) => o.value).filter((v) => (v === option.value ? on : values.includes(v))), other);
            }}
          />
          <span>{option.value}</span>
        </label>
      ))}
      {input.allow_other && (
        <div class="ck-si-other">
          <label class="ck-si-option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value=""
              checked={otherOn}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(multiple || !on ? [...values] : [], on ? (other ?? '') : undefined);
                // The text box appears with the choice: put the caret in it.
                if (on) setTimeout(() => document.getElementById(`${id}-o`)?.focus(), 0);
              }}
            />
            <span>{s.otherAnswer}</span>
          </label>
          {otherOn && (
            <input
              id={`${id}-o`}
              type="text"
              class="ck-field"
              aria-label={formatString(s.otherAnswerFor, { question: input.question })}
              placeholder={s.otherAnswerPlaceholder}
              value={other}
              onInput={(e) => onChange([...values], e.currentTarget.value)}
            />
          )}
        </div>
      )}
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

/** One structured input item in the transcript: nothing while pending (the composer shows the prompt), then the answers. */
export function StructuredInputView({ item }: { item: StructuredInputItem }) {
  return item.status === 'pending' ? null : <Answers item={item} />;
}

/** The prompt of a pending item, in place of the composer. */
export function StructuredInputPrompt({ item }: { item: StructuredInputItem }) {
  const { app, chat, composer } = useModels();
  const s = app.strings.value;
  const [values, setValues] = useState<Values>({});
  const [others, setOthers] = useState<Others>({});
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const el = form.current;
    // The text box this replaces may have had focus: it is gone, so focus would fall to the page.
    const active = document.activeElement;
    // (or the focus keeper already parked it on the panel itself).
    if (!active || active === document.body || active.matches('.ck-panel, [role="dialog"], [role="log"]')) el?.querySelector<HTMLElement>('input, textarea')?.focus();
    return () => {
      // Answered or skipped: the composer comes back; keep focus in the chat rather than losing it.
      const now = document.activeElement;
      // (The focus keeper may already have parked focus on the panel itself when the form's button went away.)
      if (!now || now === document.body || el?.contains(now) || now.matches('.ck-panel, [role="dialog"], [role="log"]')) setTimeout(() => composer.focus(), 0);
    };
  }, [item.id]);
  const busy = sending || chat.status.value !== 'idle';
  const answers = buildAnswers(item.inputs, values, others);
  const send = (submission: StructuredInputSubmission): void => {
    // The controls are disabled while sending: hold focus on the form instead of dropping it to the page.
    form.current?.focus();
    setSending(true);
    chat
      .submitStructuredInput(item.id, submission)
      .catch((e: Error) => app.reportError(e))
      .finally(() => setSending(false));
  };
  return (
    <form
      ref={form}
      tabIndex={-1}
      class="ck-si ck-si-prompt"
      aria-busy={busy}
      aria-label={s.answerQuestions}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && Object.keys(answers).length) send({ status: 'answered', answers });
      }}
    >
      {item.inputs.map((input) => (
        <Question
          key={input.id}
          input={input}
          values={values[input.id] ?? []}
          other={Object.hasOwn(others, input.id) ? others[input.id] : undefined}
          disabled={busy}
          onChange={(v, other) => {
            setValues((prev) => ({ ...prev, [input.id]: v }));
            setOthers((prev) => {
              const { [input.id]: _old, ...rest } = prev;
              return other === undefined ? rest : { ...rest, [input.id]: other };
            });
          }}
        />
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
