// A Svelte action making a list one tab stop (WAI-ARIA roving tabindex): Tab enters the list on
// the current row (or the first), ↑ ↓ move between rows, Home and End go to the first and last,
// ← → move between the controls of a row (the compare tick box and the link).
function rows(list: HTMLElement): HTMLElement[] {
  return [...list.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
}

function controls(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('a[href], button, input, select')];
}

export function rovingList(list: HTMLElement) {
  /** The control that was focused last: Tab comes back to it (roving tabindex remembers). */
  let last: HTMLElement | null = null;
  /** Every control of the list out of the tab order but one: the last focused, else the current run's link, else the first. */
  const refresh = () => {
    const all = rows(list).flatMap(controls);
    const keep = last && all.includes(last) ? last : null;
    const current = keep ?? list.querySelector<HTMLElement>('[aria-current]') ?? rows(list)[0]?.querySelector<HTMLElement>('a[href]') ?? all[0];
    for (const el of all) el.tabIndex = el === current ? 0 : -1;
  };
  const focus = (el: HTMLElement | undefined) => {
    if (!el) return;
    last = el;
    for (const c of rows(list).flatMap(controls)) c.tabIndex = c === el ? 0 : -1;
    el.focus();
  };
  const onkeydown = (e: KeyboardEvent) => {
    const all = rows(list);
    const row = all.find((r) => r.contains(document.activeElement));
    if (!row) return;
    const inRow = controls(row);
    const col = Math.max(0, inRow.indexOf(document.activeElement as HTMLElement));
    const at = all.indexOf(row);
    const sameColumn = (r: HTMLElement | undefined) => (r ? (controls(r)[col] ?? controls(r)[0]) : undefined);
    const moves: Record<string, () => HTMLElement | undefined> = {
      ArrowDown: () => sameColumn(all[at + 1]),
      ArrowUp: () => sameColumn(all[at - 1]),
      Home: () => sameColumn(all[0]),
      End: () => sameColumn(all[all.length - 1]),
      ArrowRight: () => inRow[col + 1],
      ArrowLeft: () => inRow[col - 1],
    };
    const target = moves[e.key]?.();
    if (!moves[e.key]) return;
    e.preventDefault();
    focus(target);
  };
  const observer = new MutationObserver(refresh);
  observer.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  list.addEventListener('keydown', onkeydown);
  const onfocusin = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement && rows(list).flatMap(controls).includes(e.target)) focus(e.target);
  };
  list.addEventListener('focusin', onfocusin);
  refresh();
  return {
    destroy() {
      observer.disconnect();
      list.removeEventListener('keydown', onkeydown);
      list.removeEventListener('focusin', onfocusin);
    },
  };
}
