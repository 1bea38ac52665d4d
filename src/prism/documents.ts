import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import type { HttpOperation, PrismRuntime } from './runtime.js';

/** OAS 3.1 §4.8.1: the default dialect of Schema Objects when `jsonSchemaDialect` is absent. */
const openApi31Dialect = 'https://json-schema.org/draft/2020-12/schema';

/** Parses each provider document once and hands out its operations, keyed by absolute path. */
export class DocumentOperations {
  private readonly cache = new Map<string, Promise<HttpOperation[]>>();

  constructor(
    private readonly root: string,
    private readonly runtime: () => Promise<PrismRuntime>,
  ) {}

  /** The operations of `document` (relative to the package root, as a dialect's `openapi` names it). */
  operations(document: string): Promise<HttpOperation[]> {
    const file = isAbsolute(document) ? document : resolve(this.root, document);
    let pending = this.cache.get(file);
    if (!pending) {
      pending = this.load(file);
      this.cache.set(file, pending);
      // A broken document is retried on next use instead of failing forever from the cache.
      const loading = pending;
      void loading.catch(() => {
        if (this.cache.get(file) === loading) this.cache.delete(file);
      });
    }
    return pending;
  }

  private async load(file: string): Promise<HttpOperation[]> {
    const [{ http }, source] = await Promise.all([this.runtime(), prismSource(file)]);
    try {
      return await http.getHttpOperationsFromSpec(source);
    } catch (error) {
      throw new Error(`Prism could not read the OpenAPI document ${file}: ${String(error)}`, {
        cause: error,
      });
    }
  }
}

/**
 * What to hand Prism for `file`. Prism validates OpenAPI 3.1 schemas as JSON Schema draft-07 unless
 * the document names its dialect (http-spec then stamps `$schema` on every schema and Prism picks
 * Ajv's 2020-12 validator), so a 3.1 document without `jsonSchemaDialect` is given the 3.1 default.
 * A document with external `$ref`s is passed by path: its refs resolve against its own folder only then.
 */
async function prismSource(file: string): Promise<string | object> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the OpenAPI document ${file}: ${String(error)}`, { cause: error });
  }
  const document: unknown = parse(text);
  if (!isRecord(document)) throw new Error(`${file} is not an OpenAPI document (no top-level mapping)`);
  if (hasExternalRef(document)) return file;
  const version = document.openapi;
  if (typeof version === 'string' && version.startsWith('3.1') && document.jsonSchemaDialect === undefined) {
    return { ...document, jsonSchemaDialect: openApi31Dialect };
  }
  return document;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExternalRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExternalRef);
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? !item.startsWith('#') : hasExternalRef(item),
  );
}
