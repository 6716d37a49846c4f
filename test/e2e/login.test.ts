/**
 * A browser without the token sees the login screen; a wrong token is refused and asked for
 * again; the right one opens the console, with the dispatcher's name recorded on what they do.
 */
import { describe, expect, it } from 'vitest';
import { consoleInBrowser } from '../helpers/e2e-setup';
import { guardPage } from './pages/page-guard';

const setup = consoleInBrowser();

describe('login', () => {
  it('asks for the token, refuses a wrong one and accepts the right one', async () => {
    const page = await setup.browser.context.newPage();
    const guard = guardPage(page, setup.console.url);
    await page.goto(setup.console.url);
    await page.getByTestId('login').waitFor();

    await page.getByTestId('login-token').fill('not-the-token');
    await page.getByTestId('login-name').fill('张伟');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-denied').waitFor();
    expect(await page.getByTestId('login-denied').innerText()).toContain('令牌无效');

    await page.getByTestId('login-token').fill(setup.console.token);
    await page.getByTestId('login-token').press('Enter');
    await page.locator('[data-testid="console"][data-loaded="true"]').waitFor();
    expect(await page.getByTestId('console-id').innerText()).toBe('e2e-console');
    expect(await page.locator('.qx-header').innerText()).toContain('张伟');

    // The refused attempt is on record in the diagnostics view.
    await page.getByTestId('diagnostics-button').click();
    await page.getByTestId('diagnostics').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="diag-by-reason"]')?.textContent?.includes('missing or wrong token'));
    // The database's checkpoints run in their background thread, and the view says so.
    await expect.poll(() => page.getByTestId('diag-checkpoints').getAttribute('data-mode'), { timeout: 10_000 }).toBe('worker');
    expect(await page.getByTestId('diag-checkpoints').innerText()).toContain('后台线程');
    // Only the refused WebSocket login is an expected error; nothing went off the machine.
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
