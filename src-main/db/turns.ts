// Long reads of the server (series.stats) share one time budget per turn of the event loop, so
// that however many run at once, the loop gets back to its I/O (a run being opened, a chart's
// series) every TURN_MS. Each computation calls `nextSlice()` between units of its work.
//
// A budget per computation is not enough: 20 summaries each working 2 ms before yielding held the
// loop 40 ms a turn, and a request needs several turns (headers, body, answer).

/** Work of all computations together per turn of the event loop. */
export const TURN_MS = 2;

let turnStarted = performance.now();
let nextTurn: Promise<void> | null = null;

function newTurn(): Promise<void> {
  nextTurn ??= new Promise((resolve) =>
    setImmediate(() => {
      nextTurn = null;
      turnStarted = performance.now();
      resolve();
    }),
  );
  return nextTurn;
}

/** Resolves at once while this turn's budget lasts, else in a later turn that has budget left. */
export async function nextSlice(): Promise<void> {
  while (performance.now() - turnStarted >= TURN_MS) await newTurn();
}

/** Lets the loop turn once (I/O first), whatever the budget: where a computation starts. */
export async function afterIo(): Promise<void> {
  await newTurn();
}
