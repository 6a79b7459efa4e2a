/**
 * One thread item, by type. Memoized on its props: the reducer copies only the item that changed, so a streaming
 * delta re-renders one item, not the thread. Item views must not read the `conversation` signal themselves
 * (a signal read subscribes the component and would bypass this memo); the thread passes what they need.
 * Hidden and unknown types render nothing.
 */
import { Component } from 'preact';
import type { ThreadItem } from '../../protocol/items.ts';
import { AssistantMessage } from './assistant-message.tsx';
import { RichItem } from './rich-item.tsx';
import { UserMessage } from './user-message.tsx';

/** What an item view gets. */
export interface ItemProps {
  item: ThreadItem;
  /** Still receiving updates (added, not done) or the answer being streamed right now. */
  pending: boolean;
}

/** The memoized item view. */
export class ItemView extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    return next.item !== this.props.item || next.pending !== this.props.pending;
  }
  override render() {
    const { item, pending } = this.props;
    switch (item.type) {
      case 'user_message':
        return <UserMessage item={item} />;
      case 'assistant_message':
        return <AssistantMessage item={item} pending={pending} />;
      default:
        return <RichItem item={item} pending={pending} />;
    }
  }
}
