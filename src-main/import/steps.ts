// What a step is: a whole number from 0 up, as every framework lrscope reads counts them
// (TensorFlow's int64 global_step, PyTorch's/Lightning's/Keras' step and epoch counters, MLflow's
// long step). A fraction, a negative count, an overflow (`1e400`) or a number past 2^53 (where
// doubles skip integers, so two steps would merge) is an error that names the line, never a
// value stored in its place. Schedules may use other step conventions; imports do not.

export function isStep(step: number): boolean {
  return Number.isSafeInteger(step) && step >= 0;
}

/** The reason a value is not a step, in the user's words (`shown` is the text as written). */
export function notAStep(shown: string): string {
  return `the step ${shown} is not a whole number from 0 to 2^53`;
}
