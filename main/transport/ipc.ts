import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '@shared/call-names';
import { CALL_NAMES, CHANNEL_PREFIX, type CallResult, type Handlers } from '@shared/contract';
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from '@shared/limits';
import { dispatch } from './dispatch';

/** Decides whether an invoke came from our window's main frame showing our page (see window-security.ts). */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const UNAUTHORIZED: CallResult<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'This call is only answered for the planner window.' },
};

/**
 * An input's weight as JSON (what it would weigh over HTTP): Infinity when it is longer than a string
 * can be; 0 when it cannot be JSON for another reason (a cycle), which the contract's validation refuses.
 */
function inputBytes(input: unknown): number {
  try {
    const text = JSON.stringify(input ?? {}) as string | undefined;
    return text === undefined ? 0 : Buffer.byteLength(text);
  } catch (err) {
    return err instanceof RangeError ? Infinity : 0;
  }
}

/**
 * One `planner:<call>` channel per contract entry and nothing else, so the channel list cannot drift
 * from the contract. `ipc` is Electron's ipcMain (passed in so this runs under Node in tests).
 * Returns a function that removes every handler again.
 */
export function registerIpc(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
): () => void {
  const channels = CALL_NAMES.map((name) => {
    const channel = CHANNEL_PREFIX + name;
    ipc.handle(channel, (event, rawInput: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) return Promise.resolve(UNAUTHORIZED);
      // The same size limit as over HTTP and in the CLI (shared/limits.ts).
      const bytes = inputBytes(rawInput);
      if (bytes > MAX_PAYLOAD_BYTES) {
        const size = Number.isFinite(bytes) ? bytes : undefined;
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid-input', message: tooLargeMessage(`the ${name} input`, size) },
        });
      }
      // dispatch validates the input against the contract and never throws.
      return dispatch(handlers, name, rawInput);
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}

/** An application-menu command for the window's page (the preload relays it to window.plannerMenu). */
export function sendMenuCommand(
  contents: Pick<WebContents, 'send' | 'isDestroyed'> | null | undefined,
  command: MenuCommand,
): void {
  if (contents && !contents.isDestroyed()) contents.send(MENU_CHANNEL, command);
}
