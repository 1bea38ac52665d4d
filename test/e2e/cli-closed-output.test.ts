import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { CliProcesses } from '../support/cli.js';

const cli = new CliProcesses();

afterEach(() => cli.stopAll('SIGKILL'));

describe('auth-sandbox start whose reader goes away (`auth-sandbox start | head -1`)', () => {
  it('keeps serving, and still shuts down cleanly on SIGTERM', async () => {
    const { child, url, output } = await cli.start(['--port', '0']);
    // The reader closes its end of the pipe, as `head -1` does once it has its line.
    child.stdout?.destroy();

    const res = await fetch(`${url}/tink/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=tink-client&client_secret=tink-secret&scope=user:create',
    });
    expect(res.status).toBe(200);

    // Shutting down writes a line to the closed pipe: that must not turn into a crash.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output()).not.toMatch(/EPIPE|Error/);
  });
});
