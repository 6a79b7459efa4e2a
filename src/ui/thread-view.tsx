/**
 * The thread: its items (windowed when long), the transient progress line, notices, and the failure or error
 * with Retry. Scrolling: sending jumps to the bottom; a streaming answer is followed only while the reader is at
 * the bottom (and `thread.autoScroll` is on); scrolling near the top loads older items without moving the view;
 * one polite live-region announcement per finished reply.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../icons/icon.tsx';
import type { ThreadItem } from '../protocol/items.ts';
import { LOCAL_ID_PREFIX } from '../store/apply-stream-event.ts';
import { useModels } from './context.ts';
import { ItemView } from './items/item-view.tsx';
import { Notices, StatusLine, TurnError } from './thread-status.tsx';
import { VirtualList } from './virtual-list.tsx';

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 48;
/** How close to the top (px) triggers loading older items. */
const TOP_SLACK = 400;

const keyOf = (item: ThreadItem): string => item.id;

/** The thread view. */
export function ThreadView() {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const conv = chat.conversation.value;
  const scroller = useRef<HTMLDivElement>(null);
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [tick, setTick] = useState(0);
  const [atBottom, setAtBottom] = useState(true);
  const stick = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const lastCount = useRef(conv.items.length);
  const follow = app.options.value.thread.autoScroll;

  const onScroll = (): void => {
    const node = scroller.current;
    if (!node) return;
    const bottom = node.scrollHeight - node.scrollTop - node.clientHeight < BOTTOM_SLACK;
    stick.current = bottom;
    setAtBottom(bottom);
    setTick((t) => t + 1);
    if (node.scrollTop < TOP_SLACK && chat.hasOlder.peek() && !chat.loadingOlder.peek()) {
      anchor.current = { height: node.scrollHeight, top: node.scrollTop };
      void chat.loadOlder().catch((e: Error) => app.reportError(e));
    }
  };

  useLayoutEffect(() => {
    const node = scroller.current;
    if (!node) return;
    const items = conv.items;
    const grew = items.length > lastCount.current;
    const sent = grew && items.at(-1)?.id.startsWith(LOCAL_ID_PREFIX);
    // Older items were prepended: keep the same content under the reader's eyes.
    if (anchor.current && items.length > lastCount.current && !sent) {
      node.scrollTop = anchor.current.top + (node.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (sent || (stick.current && (follow || lastCount.current === 0))) {
      node.scrollTop = node.scrollHeight;
    }
    lastCount.current = items.length;
  });

  const announced = chat.announced.value;
  const streaming = chat.status.value === 'streaming';
  const last = conv.items.at(-1);
  return (
    <div
      class="ck-thread"
      ref={(node) => {
        scroller.current = node;
        if (node !== el) setEl(node);
      }}
      onScroll={onScroll}
      tabIndex={0}
      aria-label={s.chat}
      aria-busy={chat.status.value !== 'idle'}
    >
      {chat.loadingOlder.value && <p class="ck-loading-older">{s.loadingOlder}</p>}
      <div class="ck-items">
        <VirtualList
          items={conv.items}
          keyOf={keyOf}
          scroller={el}
          tick={tick}
          render={(item) => <ItemView item={item} pending={conv.pending.includes(item.id) || (streaming && item === last)} />}
        />
      </div>
      <StatusLine />
      <Notices />
      <TurnError />
      {!atBottom && (
        <button
          type="button"
          class="ck-jump"
          aria-label={s.jumpToLatest}
          onClick={() => {
            const node = scroller.current;
            if (node) node.scrollTop = node.scrollHeight;
          }}
        >
          <Icon name="arrow-down" size={18} />
        </button>
      )}
      <div class="ck-sr-only" aria-live="polite">
        {announced ? announced.text.slice(0, 400) : ''}
      </div>
    </div>
  );
}
