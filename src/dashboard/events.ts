import type { ServerResponse } from 'node:http';
import type { SandboxEngine } from '../engine/engine.js';

/** Changes closer together than this make one event (a burst of provider requests is one refresh). */
const coalesceMs = 50;
const heartbeatMs = 15_000;

/**
 * Open `text/event-stream` responses of one server. Each pushes `event: changed` after provider requests,
 * clock changes and control calls of its sandbox; `closeAll` ends them so that the server can close.
 */
export class ChangeStreams {
  private readonly open = new Set<ServerResponse>();

  get size(): number {
    return this.open.size;
  }

  /** Streams the engine's changes to `res` until the client goes away or `closeAll` is called. */
  stream(engine: SandboxEngine, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const write = (chunk: string): void => {
      if (!res.writableEnded && !res.destroyed) res.write(chunk);
    };
    // WHATWG HTML §9.2: `retry` sets the reconnection delay; `ready` tells the page to catch up.
    write('retry: 1000\nevent: ready\ndata: {}\n\n');
    let seq = 0;
    let pending: NodeJS.Timeout | undefined;
    const unsubscribe = engine.onChange(() => {
      pending ??= setTimeout(() => {
        pending = undefined;
        write(`event: changed\ndata: {"seq":${++seq}}\n\n`);
      }, coalesceMs);
    });
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
    heartbeat.unref();
    const stop = (): void => {
      unsubscribe();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      this.open.delete(res);
    };
    // The response's close, not the request's: a request emits 'close' once its (empty) body is read.
    res.on('close', stop);
    this.open.add(res);
  }

  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
