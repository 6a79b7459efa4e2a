/**
 * The thread: its items (windowed when long), the transient progress line, notices, and the failure or error
 * with Retry. Scrolling: a thread opens at its newest message, and a message the reader sends is brought into view;
 * a streaming answer is followed only while the reader is at the bottom and `thread.autoScroll` is on; the reader
 * scrolling near the top loads older items, and the list keeps what they look at in place (virtual-list.tsx owns
 * the scroll position). The thread is a `log` that does not speak itself: live-region.tsx announces each reply once.
 * While on screen, the thread picks up items added elsewhere (use-thread-refresh.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { Icon } from '../icons/icon.tsx';
import type { ThreadItem } from '../protocol/items.ts';
import { LOCAL_ID_PREFIX } from '../store/apply-stream-event.ts';
import { useModels } from './context.ts';
import { ItemView } from './items/item-view.tsx';
import { turnActions } from './items/turn-actions.ts';
import { useThreadRefresh } from './use-thread-refresh.ts';
import { Notices, StatusLine, TurnError } from './thread-status.tsx';
import { VirtualList, WINDOW_FROM } from './virtual-list.tsx';

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 48;
/** How close to the top (px) triggers loading older items. */
const TOP_SLACK = 400;
/** How far (px) the view scrolls before a windowed list recomputes its window (well within its 800 px overscan). */
const RECOMPUTE_PX = 200;

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
  const follow = app.options.value.thread.autoScroll;
  useThreadRefresh(chat.refresh, chat.threadId.value !== null);
  /** Why the bottom is pinned regardless of `follow`: the first view of the thread, or the reader just sent. */
  const pin = useRef<'initial' | 'sent' | null>('initial');
  const stick = useRef(true);
  const programmatic = useRef<number | null>(null);
  const lastCount = useRef(conv.items.length);
  const windowAt = useRef(0);
  const viewport = useRef({ top: 0, height: 0 }).current;
  // A stable ref callback: a new one each render would be called with null and then the node on every render,
  // and a render with no scroller would leave the list unwindowed for a moment (every loaded row mounted).
  const attach = useRef((node: HTMLDivElement | null): void => {
    scroller.current = node;
    setEl(node);
  }).current;

  // A message the reader just sent is brought into view; the answer is then followed only if `follow`.
  const items = conv.items;
  if (items.length !== lastCount.current) {
    if (items.at(-1)?.id.startsWith(LOCAL_ID_PREFIX)) pin.current = 'sent';
    else if (pin.current === 'sent' && items.length > lastCount.current) pin.current = null;
    lastCount.current = items.length;
  }

  const onScroll = (): void => {
    const node = scroller.current;
    if (!node) return;
    // A scroll caused by the panel growing (opening, the keyboard closing) is not the reader's.
    const resized = viewport.height !== 0 && node.clientHeight !== viewport.height;
    viewport.top = node.scrollTop;
    viewport.height = node.clientHeight;
    const bottom = node.scrollHeight - node.scrollTop - node.clientHeight < BOTTOM_SLACK;
    stick.current = bottom;
    setAtBottom(bottom);
    // Re-window only a windowed list, and only once the view moved by a good part of the overscan.
    if (chat.conversation.peek().items.length >= WINDOW_FROM && Math.abs(node.scrollTop - windowAt.current) > RECOMPUTE_PX) {
      windowAt.current = node.scrollTop;
      setTick((t) => t + 1);
    }
    // Only the reader's own scrolling counts below: not the list settling its anchor or pinning the bottom.
    const byReader = !resized && (programmatic.current === null || Math.abs(node.scrollTop - programmatic.current) > 1);
    programmatic.current = null;
    if (!byReader) return;
    if (!bottom) pin.current = null;
    if (node.scrollTop < TOP_SLACK && chat.hasOlder.peek() && !chat.loadingOlder.peek()) {
      void chat.loadOlder().catch((e: Error) => app.reportError(e));
    }
  };

  const streaming = chat.status.value === 'streaming';
  const last = items.at(-1);
  const actions = turnActions(items, chat.status.value !== 'idle' && last?.type !== 'user_message');
  return (
    <div
      class="ck-thread"
      ref={attach}
      onScroll={onScroll}
      tabIndex={0}
      role="log"
      aria-live="off"
      aria-label={s.chat}
      aria-busy={chat.status.value !== 'idle'}
    >
      {chat.loadingOlder.value && <p class="ck-loading-older">{s.loadingOlder}</p>}
      <div class="ck-items">
        <VirtualList
          items={items}
          keyOf={keyOf}
          scroller={el}
          tick={tick}
          pinBottom={() => pin.current !== null || (stick.current && follow)}
          onProgrammaticScroll={(top) => void (programmatic.current = top)}
          viewport={viewport}
          render={(item) => <ItemView item={item} pending={conv.pending.includes(item.id) || (streaming && item === last)} actions={actions.get(item.id)} />}
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
            if (!node) return;
            // The button disappears at the bottom: keep focus in the thread rather than losing it to the page.
            node.focus({ preventScroll: true });
            node.scrollTop = node.scrollHeight;
          }}
        >
          <Icon name="arrow-down" size={18} />
        </button>
      )}
    </div>
  );
}
