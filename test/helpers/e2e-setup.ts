/** A console and a browser for an e2e file's tests: started before them (each, or once for the file), closed after. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { startConsole, type TestConsole } from './console';

export interface ConsoleInBrowser {
  readonly console: TestConsole;
  readonly browser: TestBrowser;
}

export function consoleInBrowser(opts: { args?: readonly string[]; browser?: Parameters<typeof launchBrowser>[0]; fresh?: 'file' | 'test' } = {}): ConsoleInBrowser {
  let running: ConsoleInBrowser | null = null;
  const start = async (): Promise<void> => {
    const console_ = await startConsole(opts.args);
    running = { console: console_, browser: await launchBrowser(opts.browser) };
  };
  const stop = async (): Promise<void> => {
    await running?.browser.close();
    await running?.console.close();
    running = null;
  };
  if (opts.fresh === 'test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  const now = (): ConsoleInBrowser => {
    if (!running) throw new Error('no console: use it inside a test');
    return running;
  };
  return {
    get console() {
      return now().console;
    },
    get browser() {
      return now().browser;
    },
  };
}
