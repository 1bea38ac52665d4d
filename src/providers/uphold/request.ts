import { BodyError, mediaType, readJsonObject } from '../../engine/body.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { components } from '../../generated/uphold.js';
import { upholdErrors } from './errors.js';

type Violation = components['schemas']['Violation'];

/**
 * A JSON object body, or 400 `request_invalid` naming what is wrong (the Core API validates bodies
 * against its schemas and lists `violations`, providers.md §4.4).
 */
export function readUpholdJson(req: SandboxRequest): Map<string, unknown> {
  const type = mediaType(req);
  if (type !== 'application/json') {
    throw upholdErrors.requestInvalid('headers', [
      { property: 'content-type', rule: 'enum', ruleParams: { allowedValues: ['application/json'] } },
    ]);
  }
  try {
    return readJsonObject(req);
  } catch (error) {
    if (error instanceof BodyError)
      throw upholdErrors.requestInvalid('body', [
        { property: '', rule: 'type', ruleParams: { type: 'object' } },
      ]);
    throw error;
  }
}

/** Collects the violations of one body, then throws them together. */
export class BodyRules {
  private readonly violations: Violation[] = [];

  constructor(private readonly fields: Map<string, unknown>) {}

  /** A string property: `required`, then `type`, `minLength`, `maxLength` and `pattern`, as JSON Schema names them. */
  string(
    name: string,
    rules: {
      required?: boolean;
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      format?: string;
    } = {},
  ): string | undefined {
    const value = this.fields.get(name);
    if (value === undefined) {
      if (rules.required) this.violations.push({ property: name, rule: 'required' });
      return undefined;
    }
    if (typeof value !== 'string')
      return this.fail({ property: name, rule: 'type', ruleParams: { type: 'string' } });
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      return this.fail({ property: name, rule: 'minLength', ruleParams: { limit: rules.minLength } });
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      return this.fail({ property: name, rule: 'maxLength', ruleParams: { limit: rules.maxLength } });
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      return this.fail(
        rules.format === undefined
          ? { property: name, rule: 'pattern', ruleParams: { pattern: rules.pattern.source } }
          : { property: name, rule: 'format', ruleParams: { format: rules.format } },
      );
    }
    return value;
  }

  /** A string from a fixed list. */
  oneOf<const T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.fields.get(name);
    if (value === undefined) return undefined;
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined)
      return this.fail({ property: name, rule: 'enum', ruleParams: { allowedValues: [...allowed] } });
    return match;
  }

  /** Throws 400 `request_invalid` if any rule failed. */
  check(): void {
    if (this.violations.length > 0) throw upholdErrors.requestInvalid('body', this.violations);
  }

  private fail(violation: Violation): undefined {
    this.violations.push(violation);
    return undefined;
  }
}
