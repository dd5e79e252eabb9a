// The runs ticked for comparison in the runs list, in the order they were ticked (which gives
// each its colour). Kept outside the list component so it survives switching views.
import { notify } from './toast.svelte';

/** The most runs one comparison draws. */
export const MAX_COMPARED_RUNS = 20;

export const selection = $state({ ids: [] as number[], anchor: null as number | null });

function setChecked(ids: readonly number[], checked: boolean): void {
  if (!checked) {
    selection.ids = selection.ids.filter((id) => !ids.includes(id));
    return;
  }
  const added = ids.filter((id) => !selection.ids.includes(id));
  const room = MAX_COMPARED_RUNS - selection.ids.length;
  if (added.length > room) notify(`At most ${MAX_COMPARED_RUNS} runs can be compared at once; ${added.length - Math.max(0, room)} were not ticked.`, 'error');
  selection.ids = [...selection.ids, ...added.slice(0, Math.max(0, room))];
}

/**
 * A click on a run's checkbox. With shift, every run shown between the last clicked one and this
 * one takes this one's new state, as in a file manager.
 */
export function toggle(id: number, checked: boolean, shift: boolean, shown: readonly number[]): void {
  const from = selection.anchor === null ? -1 : shown.indexOf(selection.anchor);
  const to = shown.indexOf(id);
  if (shift && from >= 0 && to >= 0) setChecked(shown.slice(Math.min(from, to), Math.max(from, to) + 1), checked);
  else setChecked([id], checked);
  selection.anchor = id;
}

export function selectShown(shown: readonly number[]): void {
  setChecked(shown, true);
}

export function clearSelection(): void {
  selection.ids = [];
  selection.anchor = null;
}

/** Runs deleted since they were ticked drop out. */
export function keepExisting(existing: readonly number[]): void {
  if (selection.ids.some((id) => !existing.includes(id))) selection.ids = selection.ids.filter((id) => existing.includes(id));
}
