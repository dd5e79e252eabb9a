// A Svelte action: tells when an element comes within a screen's height of the viewport, so a
// chart below the fold fetches nothing until the user scrolls towards it. One observer for all.
type Listener = (visible: boolean) => void;

let observer: IntersectionObserver | null = null;
const listeners = new WeakMap<Element, Listener>();

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '200px 0px' },
  );
  return observer;
}

export function visible(node: Element, onchange: Listener) {
  listeners.set(node, onchange);
  shared().observe(node);
  return {
    update(next: Listener) {
      listeners.set(node, next);
    },
    destroy() {
      listeners.delete(node);
      observer?.unobserve(node);
    },
  };
}
