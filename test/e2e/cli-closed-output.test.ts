import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('auth-sandbox start whose reader goes away (`auth-sandbox start | head -1`)', () => {
  it('keeps serving, and still shuts down cleanly on SIGTERM', async () => {
    const child = spawn('node', ['dist/cli.js', 'start', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the CLI exited (${code}): ${output}${stderr}`)));
    });
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
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });
});
