/**
 * Main ↔ renderer messages around closing the desktop window. Before the window closes, main asks the
 * page to save what it has not saved yet (FLUSH_CHANNEL, with a request number) and waits, briefly and
 * boundedly, for the page's answer (FLUSH_DONE_CHANNEL, the same number). Plain data: the sandboxed
 * preload imports it.
 */
export const FLUSH_CHANNEL = 'planner:flush';
export const FLUSH_DONE_CHANNEL = 'planner:flush-done';
/** The longest a closing window waits for the page's saves: a hung page must not keep it open. */
export const FLUSH_TIMEOUT_MS = 2000;

/** What the preload exposes as `window.plannerLifecycle` (absent in serve mode). */
export interface PlannerLifecycleBridge {
  /**
   * Sets the page's one flush handler (replacing any earlier one); main's request is answered once the
   * returned promise settles. Returns a function that removes the handler.
   */
  onFlushRequest(handler: () => Promise<void>): () => void;
}
