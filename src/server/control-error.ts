import type { NextFunction, Request, Response } from 'express';
import { ScenarioError } from '../scenario/scenario.js';
import { FaultRequestError } from './fault-routes.js';

/** Control-plane errors: `{error, message, problems?}` (openapi/sandbox.yaml). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: unknown[],
  ) {
    super(message);
  }
}

export function badRequest(message: string): ControlError {
  return new ControlError(400, 'invalid_request', message);
}

export function notFound(message: string): ControlError {
  return new ControlError(404, 'not_found', message);
}

/** Every control-plane failure, written in one place; client mistakes are 4xx, never 5xx. */
export function controlErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof ControlError) {
    const problems = error.problems ? { problems: error.problems } : {};
    res.status(error.status).json({ error: error.code, message: error.message, ...problems });
    return;
  }
  if (error instanceof ScenarioError) {
    res
      .status(400)
      .json({ error: 'invalid_scenario', message: 'The scenario is not valid.', problems: error.problems });
    return;
  }
  if (error instanceof FaultRequestError) {
    res.status(400).json({ error: 'invalid_fault', message: error.message, problems: error.problems });
    return;
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : 'invalid_request';
    res.status(status).json({ error: code, message: messageOf(error) });
    return;
  }
  res.status(500).json({ error: 'internal_error', message: messageOf(error) });
}

function httpStatusOf(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object' && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A JSON object body, or a 400 that says so. */
export function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The body must be a JSON object.');
  return { ...body };
}
