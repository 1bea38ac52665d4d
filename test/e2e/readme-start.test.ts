import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    const exited = once(child, 'exit');
    // npm start runs the server in a child of its own: signal the whole process group.
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
});

/** Runs `npm start -- <args>` and resolves with the banner once the server says it is listening. */
async function npmStart(args: string[]): Promise<{ child: ChildProcess; banner: () => string; url: string }> {
  const child = spawn('npm', ['start', '--silent', '--', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('control')) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}: ${output}`));
    });
  });
  return { child, banner: () => output, url };
}

describe('the README’s start command', () => {
  it('serves every provider, prints base URLs and credentials, and answers a Tink token', async () => {
    const { url, banner } = await npmStart(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const id of ['tight', 'hurdlr', 'tink', 'uphold', 'gusto'])
      expect(banner()).toContain(`${url}/${id}`);
    expect(banner()).toContain('tink-client');
    expect(banner()).toContain('tink-secret');

    const res = await fetch(`${url}/tink/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=tink-client&client_secret=tink-secret&scope=user:create',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const child = spawn('node', ['dist/cli.js', 'start', '--port', '0'], { stdio: 'pipe' });
    children.push(child);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    // The signal goes as soon as the banner starts: a server that says it is listening shuts down cleanly.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (stdout.includes('listening on')) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    // 'close', not 'exit': the child's output may still be in its pipes when it exits.
    const exited = once(child, 'close');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('SIGTERM: shutting down');
  });

  it('refuses a non-loopback host without --admin-token', async () => {
    const child = spawn('node', ['dist/cli.js', 'start', '--host', '0.0.0.0', '--port', '0'], {
      stdio: 'pipe',
    });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'close');
    expect(code).toBe(2);
    expect(stderr).toContain('--admin-token');
  });

  it('validates a scenario file from the command line', async () => {
    const good = spawn('node', ['dist/cli.js', 'validate', 'scenarios/default.yaml']);
    expect((await once(good, 'exit'))[0]).toBe(0);
    const bad = spawn('node', ['dist/cli.js', 'validate', 'package.json'], { stdio: 'pipe' });
    let stderr = '';
    bad.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect((await once(bad, 'close'))[0]).toBe(1);
    expect(stderr).toContain('package.json');
  });
});
