/**
 * A small validator for plain data (scenario files, request bodies): each shape checks a value and
 * reports every problem with its key path, so an error can name exactly what is wrong and where.
 */
export interface Problem {
  path: string;
  message: string;
}

export type Check<T> = (value: unknown, path: string, problems: Problem[]) => T | undefined;

export interface Shape<T> {
  readonly check: Check<T>;
  readonly optional: boolean;
  readonly describe: string;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

function shape<T>(describe: string, check: Check<T>): Shape<T> {
  return { check, optional: false, describe };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

export const string = (options: { pattern?: RegExp; hint?: string; min?: number } = {}): Shape<string> =>
  shape('a string', (value, path, problems) => {
    if (typeof value !== 'string') {
      problems.push({ path, message: `expected a string, got ${typeName(value)}` });
      return undefined;
    }
    if (options.min !== undefined && value.length < options.min) {
      problems.push({ path, message: `must not be empty` });
      return undefined;
    }
    if (options.pattern && !options.pattern.test(value)) {
      problems.push({
        path,
        message: `${JSON.stringify(value)} is not ${options.hint ?? `like ${options.pattern}`}`,
      });
      return undefined;
    }
    return value;
  });

export const number = (options: { min?: number; integer?: boolean } = {}): Shape<number> =>
  shape('a number', (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ path, message: `expected a number, got ${typeName(value)}` });
      return undefined;
    }
    if (options.integer && !Number.isInteger(value)) {
      problems.push({ path, message: `expected a whole number, got ${value}` });
      return undefined;
    }
    if (options.min !== undefined && value < options.min) {
      problems.push({ path, message: `must be at least ${options.min}, got ${value}` });
      return undefined;
    }
    return value;
  });

export const boolean = (): Shape<boolean> =>
  shape('true or false', (value, path, problems) => {
    if (typeof value !== 'boolean') {
      problems.push({ path, message: `expected true or false, got ${typeName(value)}` });
      return undefined;
    }
    return value;
  });

export const oneOf = <const T extends readonly string[]>(values: T): Shape<T[number]> =>
  shape(`one of ${values.join(', ')}`, (value, path, problems) => {
    if (typeof value !== 'string' || !values.includes(value)) {
      problems.push({ path, message: `expected one of ${values.join(', ')}, got ${typeName(value)}` });
      return undefined;
    }
    return value;
  });

export const list = <T>(item: Shape<T>): Shape<T[]> =>
  shape(`a list of ${item.describe}`, (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path, message: `expected a list, got ${typeName(value)}` });
      return undefined;
    }
    const out: T[] = [];
    let failed = false;
    value.forEach((element, index) => {
      const checked = item.check(element, `${path}[${index}]`, problems);
      if (checked === undefined) failed = true;
      else out.push(checked);
    });
    return failed ? undefined : out;
  });

export interface OptionalShape<T> extends Shape<T | undefined> {
  readonly optional: true;
}

export const optional = <T>(inner: Shape<T>): OptionalShape<T> => ({ ...inner, optional: true });

type Fields = Record<string, Shape<unknown>>;
type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends { optional: true } ? never : K;
}[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;
export type ObjectOf<F extends Fields> = { [K in RequiredKeys<F>]: Infer<F[K]> } & {
  [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined>;
};

/** A mapping with known keys; unknown keys are reported (they are usually typos). */
export const object = <F extends Fields>(
  fields: F,
  options: { allowUnknown?: boolean } = {},
): Shape<ObjectOf<F>> =>
  shape('a mapping', (value, path, problems) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ path, message: `expected a mapping, got ${typeName(value)}` });
      return undefined;
    }
    const input = new Map(Object.entries(value));
    const out = new Map<string, unknown>();
    let failed = false;
    for (const [key, field] of Object.entries(fields)) {
      const keyPath = path ? `${path}.${key}` : key;
      const raw = input.get(key);
      if (raw === undefined || raw === null) {
        if (!field.optional) {
          problems.push({ path: keyPath, message: `is required (${field.describe})` });
          failed = true;
        }
        continue;
      }
      const checked = field.check(raw, keyPath, problems);
      if (checked === undefined) failed = true;
      else out.set(key, checked);
    }
    for (const [key, raw] of input) {
      if (Object.hasOwn(fields, key)) continue;
      if (options.allowUnknown) {
        out.set(key, raw);
        continue;
      }
      problems.push({
        path: path ? `${path}.${key}` : key,
        message: `unknown key (expected one of: ${Object.keys(fields).join(', ')})`,
      });
      failed = true;
    }
    return failed ? undefined : fromEntries<ObjectOf<F>>(out);
  });

// The checked map holds exactly the declared fields with their checked types.
function fromEntries<T>(entries: Map<string, unknown>): T {
  return Object.fromEntries(entries) as T;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function validate<T>(schema: Shape<T>, value: unknown, path = ''): Validated<T> {
  const problems: Problem[] = [];
  const checked = schema.check(value, path, problems);
  if (checked === undefined || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: checked };
}
