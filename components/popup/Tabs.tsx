import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  /** A count shown after the label, e.g. the number of claims. */
  badge?: number | null;
}

interface TabsProps<Id extends string> {
  tabs: ReadonlyArray<TabSpec<Id>>;
  selected: Id;
  onSelect(id: Id): void;
  label: string;
  children: ComponentChildren;
}

/**
 * WAI-ARIA tabs: one tab stop for the whole list (roving tabindex); Left/Right/Home/End move and
 * select, so the panel follows the keyboard as it does the mouse.
 */
export function Tabs<Id extends string>({ tabs, selected, onSelect, label, children }: TabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${tab.id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    if (event.key === 'ArrowRight') focusTab(current + 1);
    else if (event.key === 'ArrowLeft') focusTab(current - 1);
    else if (event.key === 'Home') focusTab(0);
    else if (event.key === 'End') focusTab(tabs.length - 1);
    else return;
    event.preventDefault();
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              class="tabs__tab"
              aria-selected={isSelected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              data-tab-id={tab.id}
              data-testid={`tab-${tab.id}`}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.badge != null && <span class="tabs__badge">{tab.badge}</span>}
            </button>
          );
        })}
      </div>
      <div
        class="tabs__panel"
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        data-testid={`panel-${selected}`}
      >
        {children}
      </div>
    </>
  );
}
