import type { KeyboardEvent, ReactNode } from "react";
import { useRef } from "react";

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  icon?: ReactNode;
  /** A short count or mark after the label (a trace's hops, say). */
  badge?: string;
}

interface Props<Id extends string> {
  items: readonly TabItem<Id>[];
  selected: Id | null;
  onSelect: (id: Id) => void;
  /** The tab list's accessible name. */
  label: string;
  /** Prefix of the tabs' and panels' ids: `${idPrefix}-tab-${id}` controls `${idPrefix}-panel-${id}`. */
  idPrefix: string;
  className?: string;
}

/** The id of the panel a tab controls. */
export const tabPanelId = (idPrefix: string, id: string) => `${idPrefix}-panel-${id}`;
export const tabId = (idPrefix: string, id: string) => `${idPrefix}-tab-${id}`;

/**
 * A WAI-ARIA tab list: one tab in the Tab order (the selected one), arrow keys, Home and End
 * move between tabs and select them.
 */
export function TabList<Id extends string>({
  items,
  selected,
  onSelect,
  label,
  idPrefix,
  className,
}: Props<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const current = selected ?? items[0]?.id;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = items.findIndex((t) => t.id === current);
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? (i + 1) % items.length
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? (i - 1 + items.length) % items.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? items.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = items[next]!.id;
    onSelect(id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idPrefix, id))}`)?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {items.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, t.id)}
          aria-selected={t.id === selected}
          aria-controls={tabPanelId(idPrefix, t.id)}
          tabIndex={t.id === current ? 0 : -1}
          className="tab"
          onClick={() => onSelect(t.id)}
        >
          {t.icon}
          <span className="tab-label">{t.label}</span>
          {t.badge ? (
            <span className="tab-badge" aria-hidden="true">
              {t.badge}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
