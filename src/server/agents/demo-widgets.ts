/** The widgets of the demo agent and the actions they send (CHATKIT.md §3.11, §4). */
import type { ActionConfig, WidgetRoot } from '../../protocol/index.ts';

/** Action types the demo's widgets send. */
export const ACTIONS = { choose: 'demo.choose', order: 'demo.order', share: 'demo.share' } as const;

/** An action as the Python SDK serialises it: handler, loading behaviour and streaming always present. */
function action(type: string, payload: unknown, handler: 'server' | 'client' = 'server'): ActionConfig {
  return { type, payload, handler, loadingBehavior: 'auto', streaming: true };
}

const choose = (choice: string): ActionConfig => action(ACTIONS.choose, { choice });

/** A card asking for a choice: two server-handled buttons and one handled by the host page. */
export function choiceCard(): WidgetRoot {
  return {
    type: 'Card',
    children: [
      { type: 'Title', value: 'Tea or coffee?' },
      { type: 'Text', value: 'The first two buttons are handled by the server; the third by the host page.' },
      {
        type: 'Row',
        gap: 2,
        children: [
          { type: 'Button', label: 'Tea', style: 'primary', onClickAction: choose('tea') },
          { type: 'Button', label: 'Coffee', style: 'secondary', onClickAction: choose('coffee') },
          {
            type: 'Button',
            label: 'Tell the page',
            variant: 'ghost',
            onClickAction: action(ACTIONS.share, { from: 'demo' }, 'client'),
          },
        ],
      },
    ],
  };
}

/** What the choice card becomes once a button was pressed. */
export function choiceResult(choice: string): WidgetRoot {
  return {
    type: 'Card',
    children: [
      { type: 'Title', value: `You picked ${choice}` },
      { type: 'Row', gap: 2, children: [{ type: 'Badge', label: 'Answered', color: 'success' }] },
    ],
  };
}

/** A form card; its confirm action receives the field values (merged into the payload by the client). */
export function orderForm(): WidgetRoot {
  return {
    type: 'Card',
    asForm: true,
    children: [
      { type: 'Title', value: 'Order a drink' },
      { type: 'Label', value: 'Your name', fieldName: 'name' },
      { type: 'Input', name: 'name', placeholder: 'Ada', required: true },
      { type: 'Label', value: 'Size', fieldName: 'size' },
      {
        type: 'Select',
        name: 'size',
        defaultValue: 'medium',
        options: [
          { value: 'small', label: 'Small' },
          { value: 'medium', label: 'Medium' },
          { value: 'large', label: 'Large' },
        ],
      },
      { type: 'Checkbox', name: 'oat', label: 'Oat milk' },
      { type: 'Label', value: 'Pick-up day (optional)', fieldName: 'day' },
      { type: 'DatePicker', name: 'day', placeholder: 'Today', min: new Date().toISOString().slice(0, 10), clearable: true },
    ],
    confirm: { label: 'Order', action: action(ACTIONS.order, { source: 'form' }) },
    cancel: { label: 'Never mind', action: action(ACTIONS.order, { cancelled: true }) },
  };
}

/** What the form becomes once submitted. */
export function orderResult(summary: string): WidgetRoot {
  return {
    type: 'Card',
    children: [
      { type: 'Title', value: 'Order received' },
      { type: 'Text', value: summary },
    ],
  };
}
