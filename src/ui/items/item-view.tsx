/**
 * One thread item, by type. Memoized on its props: the reducer copies only the item that changed, so a streaming
 * delta re-renders one item, not the thread. Item views must not read the `conversation` signal themselves
 * (a signal read subscribes the component and would bypass this memo); the thread passes what they need.
 * Messages render from the main bundle; every other type comes from a lazy chunk, loaded when the first such
 * item needs drawing. Items that draw nothing (end of turn, a completed tool call) never load it.
 */
import { Component } from 'preact';
import type { ThreadItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { AssistantMessage } from './assistant-message.tsx';
import { loadRichViews, useLazy } from './lazy-modules.ts';
import { readToolError } from './tool-error.ts';
import { UserMessage } from './user-message.tsx';

/** What an item view gets. */
export interface ItemProps {
  item: ThreadItem;
  /** Still receiving updates (added, not done) or the answer being streamed right now. */
  pending: boolean;
  /** Set on the item that closes a finished turn: it shows the turn's actions, Copy copying this text. */
  actions?: string | undefined;
}

function LazyRichItem(props: ItemProps) {
  const { app } = useModels();
  const mod = useLazy(loadRichViews, app.reportError);
  return mod ? <mod.RichItem {...props} /> : null;
}

/** The memoized item view. */
export class ItemView extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    return next.item !== this.props.item || next.pending !== this.props.pending || next.actions !== this.props.actions;
  }
  override render() {
    const { item, pending, actions } = this.props;
    switch (item.type) {
      case 'user_message':
        return <UserMessage item={item} />;
      case 'assistant_message':
        return <AssistantMessage item={item} pending={pending} actions={actions} />;
      case 'end_of_turn':
        return null;
      case 'client_tool_call':
        if (item.status === 'completed' && readToolError(item.output) === null) return null;
        return <LazyRichItem item={item} pending={pending} />;
      default:
        return <LazyRichItem item={item} pending={pending} actions={actions} />;
    }
  }
}
