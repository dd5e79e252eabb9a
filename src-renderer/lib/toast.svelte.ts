// One line of feedback at the bottom of the window: errors stay until dismissed, news fades.
export const toast = $state({ message: '', kind: 'info' as 'info' | 'error', seq: 0 });

export function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  toast.message = message;
  toast.kind = kind;
  const seq = ++toast.seq;
  if (kind === 'info') setTimeout(() => toast.seq === seq && (toast.message = ''), 4000);
}
