// The engine's events as chart marks, in the user's words (`restart 3 · lr 0.0021 → 0.24`,
// `rise 1 · lr 0.01 → 0.03`): the run view's own labels, so the designer says what the run view says.
export { eventLabel, eventMarks } from '../run/schedule-overlay';
