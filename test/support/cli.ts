import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface RunningCli {
  child: ChildProcess;
  url: string;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
}

export interface FinishedCli {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node dist/cli.js ...` processes of one test file, with the cleanup its afterEach needs. Output is read
 * to the end ('close', not 'exit': the last lines can still be in the pipe when the child exits).
 */
export class CliProcesses {
  private readonly children: ChildProcess[] = [];

  /**
   * `start ARGS`, resolved once the banner says where it listens; rejected if the CLI exits first. By
   * default the CLI is this checkout's `node dist/cli.js`; `bin` runs another (an installed package's).
   */
  start(args: string[], options: { bin?: string; cwd?: string } = {}): Promise<RunningCli> {
    const child = this.spawn(['start', ...args], options);
    let output = '';
    return new Promise((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (url && output.includes('control')) resolve({ child, url, output: () => output });
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('close', (code, signal) =>
        reject(new Error(`the CLI exited (${code ?? signal}): ${output}`)),
      );
    });
  }

  /** Runs the CLI to its end. */
  async run(args: string[]): Promise<FinishedCli> {
    const child = this.spawn(args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'close');
    return { code: typeof code === 'number' ? code : null, stdout, stderr };
  }

  /** Stops every child still running (for afterEach). */
  async stopAll(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    for (const child of this.children.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const closed = once(child, 'close');
      child.kill(signal);
      await closed;
    }
  }

  private spawn(args: string[], options: { bin?: string; cwd?: string } = {}): ChildProcess {
    const [command, argv] = options.bin ? [options.bin, args] : ['node', ['dist/cli.js', ...args]];
    const child = spawn(command, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push(child);
    return child;
  }
}
