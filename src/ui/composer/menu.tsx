/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a `role="menu"` of `menuitemradio`s; arrows,
 * Home and End move, Enter or Space picks, Escape closes it and returns focus to the button — with
 * `preventDefault`, so the shell's Escape-closes-the-panel rule leaves the panel open. Disabled items are
 * skipped by the keyboard and cannot be picked. A click outside or Tab closes it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';

/** One entry of a {@link MenuButton}. */
export interface MenuEntry {
  id: string;
  label: string;
  description?: string;
  icon?: string;
  checked: boolean;
  disabled?: boolean;
}

/** Props of {@link MenuButton}. */
export interface MenuButtonProps {
  /** The button's and the menu's accessible name. */
  label: string;
  class: string;
  children: ComponentChildren;
  items: readonly MenuEntry[];
  onSelect: (id: string) => void;
}

/** The index after `from` in direction `step` that is enabled, wrapping; -1 when none is. */
function nextEnabled(items: readonly MenuEntry[], from: number, step: number): number {
  for (let i = 1; i <= items.length; i++) {
    const index = (((from + step * i) % items.length) + items.length) % items.length;
    if (!items[index]?.disabled) return index;
  }
  return -1;
}

/** A button that opens a menu of radio items. */
export function MenuButton({ label, class: className, children, items, onSelect }: MenuButtonProps) {
  const [active, setActive] = useState(-1);
  const open = active >= 0;
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const show = (at?: number): void => {
    const checked = items.findIndex((i) => i.checked && !i.disabled);
    setActive(at ?? (checked >= 0 ? checked : nextEnabled(items, -1, 1)));
  };
  const hide = (focusButton: boolean): void => {
    setActive(-1);
    if (focusButton) button.current?.focus();
  };
  const choose = (item: MenuEntry | undefined): void => {
    if (!item || item.disabled) return;
    hide(true);
    onSelect(item.id);
  };

  // In the same commit, so a key pressed right after opening already reaches the item.
  useLayoutEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[active]?.focus();
  }, [open, active]);
  useEffect(() => {
    if (!open) return undefined;
    const outside = (e: Event): void => {
      const target = e.target as Node;
      if (!button.current?.contains(target) && !menu.current?.contains(target)) hide(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowDown: nextEnabled(items, active, 1), ArrowUp: nextEnabled(items, active, -1), Home: nextEnabled(items, -1, 1), End: nextEnabled(items, items.length, -1) };
    if (e.key in moves) setActive(moves[e.key] ?? active);
    else if (e.key === 'Escape') hide(true);
    else if (e.key === 'Tab') return hide(false);
    else return;
    e.preventDefault();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? hide(false) : show())}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          show(e.key === 'ArrowUp' ? nextEnabled(items, items.length, -1) : undefined);
        }}
      >
        {children}
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={label} class="ck-menu" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.id}
              type="button"
              role="menuitemradio"
              class="ck-menu-item"
              aria-checked={item.checked}
              disabled={item.disabled}
              tabIndex={i === active ? 0 : -1}
              onClick={() => choose(item)}
            >
              {item.icon && <Icon name={item.icon} size={18} />}
              <span class="ck-menu-text">
                <span dir="auto">{item.label}</span>
                {item.description && <span class="ck-menu-description" dir="auto">{item.description}</span>}
              </span>
              {item.checked && <Icon name="check" size={16} />}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
