import { compileSchema, openapiDocument } from '@confab/protocol';
import fc from 'fast-check';

/** A JSON Schema node of the contract (only the keywords the contract uses). */
export type Schema = Record<string, unknown>;

/** Arbitraries for properties that should point at real things (ids of the fuzzing user's world). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** One way a value was changed: what was done, where, and the result. */
export interface Variant {
  label: string;
  value: unknown;
}

const components = (openapiDocument as { components: { schemas: Record<string, Schema> } }).components.schemas;

/** Follows `$ref`s and merges `allOf` parts, so the keywords of a node are at hand. */
export function resolveSchema(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') return resolveSchema(components[ref.replace('#/components/schemas/', '')] ?? {});
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    return Object.assign({}, ...(allOf as Schema[]).map(resolveSchema), rest);
  }
  return schema;
}

/** True when `value` honours `schema` (the contract's own validator decides what counts as valid). */
export const honours = (schema: Schema, value: unknown): boolean => compileSchema(schema)(value) === true;

const EMOJI = ['👍', '🎉', '❤️', ':ok:', ':+1:', '👨‍👩‍👧', '1️⃣'];

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = Number(schema.minLength ?? 0);
  const max = Math.min(Number(schema.maxLength ?? 40), 40);
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
  if (schema.format === 'uri') return fc.webUrl();
  if (pattern?.includes('\\p')) return fc.constantFrom(...EMOJI);
  if (pattern && pattern !== '\\S') {
    return fc
      .stringMatching(new RegExp(pattern))
      .filter((s) => s.length >= min && s.length <= Number(schema.maxLength ?? Number.POSITIVE_INFINITY));
  }
  const text = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1), unit: 'grapheme' });
  return pattern ? text.filter((s) => /\S/.test(s)) : text;
}

/** An arbitrary of values that honour `schema`, preferring `hints` for properties that name real things. */
export function validArbitrary(schema: Schema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const node = resolveSchema(schema);
  if ('const' in node) return fc.constant(node.const);
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  const alternatives = (node.oneOf ?? node.anyOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(s, hints)));
  switch (node.type) {
    case 'string':
      return stringArbitrary(node);
    case 'integer':
      return fc.integer({ min: Number(node.minimum ?? -1000), max: Number(node.maximum ?? 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = validArbitrary((node.items as Schema) ?? {}, hints);
      const constraints = { minLength: Number(node.minItems ?? 0), maxLength: Math.min(Number(node.maxItems ?? 3), 3) };
      return node.uniqueItems
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case 'object': {
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      const record = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, hints[name] ?? validArbitrary(property, hints)]),
      );
      const requiredKeys = (node.required ?? []) as string[];
      const object = fc.record(record, { requiredKeys });
      const min = Number(node.minProperties ?? 0);
      return min ? object.filter((o) => Object.keys(o).length >= min) : object;
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Values at the edges of a leaf schema: shortest, longest, odd unicode, injection-shaped text, extreme numbers. */
function edgeValues(schema: Schema): unknown[] {
  const node = resolveSchema(schema);
  if ('const' in node || Array.isArray(node.enum)) return [];
  if (node.type === 'integer' || node.type === 'number') {
    const min = node.minimum === undefined ? Number.MIN_SAFE_INTEGER : Number(node.minimum);
    const max = node.maximum === undefined ? Number.MAX_SAFE_INTEGER : Number(node.maximum);
    return [min, max, min - 1, max + 1, 1e308, 2 ** 53 + 2, 1.5, 0];
  }
  if (node.type !== 'string') return [];
  const min = Number(node.minLength ?? 0);
  const max = Number(node.maxLength ?? 300);
  return [
    'a'.repeat(min),
    'a'.repeat(max),
    'a'.repeat(max + 1),
    'é'.repeat(max),
    '𝕏'.repeat(max),
    '\u0000',
    '\u200b',
    'a\u202eb',
    'e\u0301\u0301\u0301',
    '👨‍👩‍👧‍👦',
    "' OR 1=1 --",
    "1'; DROP TABLE messages; --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    ['$', '{jndi:ldap://x}'].join(''),
    '%00%2F..%2F',
    'javascript:alert(1)',
    '   ',
  ];
}

/** Values of the wrong type for any leaf. */
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 'text', [], {}, [1, 'two'], { nested: { deep: [null] } }];

/** The property names (and their schemas) of the object branch that `value` takes in `schema`. */
function objectBranch(schema: Schema, value: unknown): Schema | undefined {
  const node = resolveSchema(schema);
  const alternatives = (node.oneOf ?? node.anyOf) as Schema[] | undefined;
  if (alternatives) {
    const taken = alternatives.find((s) => honours(s, value)) ?? alternatives[0];
    return taken && objectBranch(taken, value);
  }
  return node.type === 'object' ? node : undefined;
}

const withProperty = (object: Record<string, unknown>, name: string, value: unknown) => ({ ...object, [name]: value });
function withoutProperty(object: Record<string, unknown>, name: string) {
  const { [name]: _dropped, ...rest } = object;
  return rest;
}

/**
 * Variants of a valid `value` with one thing changed: a leaf at an edge, of the wrong type, a required
 * property missing, an unknown property added (recursively into nested objects). Some stay valid (edges);
 * the caller asks {@link honours} which.
 */
export function mutations(schema: Schema, value: unknown, where = 'body'): Variant[] {
  const branch = objectBranch(schema, value);
  if (!branch || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      ...edgeValues(schema).map((v) => ({ label: `${where} at an edge`, value: v })),
      ...WRONG_TYPES.map((v) => ({ label: `${where} of a wrong type`, value: v })),
    ];
  }
  const object = value as Record<string, unknown>;
  const properties = (branch.properties ?? {}) as Record<string, Schema>;
  const out: Variant[] = [
    { label: `${where} with an unknown property`, value: withProperty(object, 'isAdmin', true) },
    {
      label: `${where} with an own __proto__`,
      value: Object.assign(JSON.parse('{"__proto__":{"isAdmin":true}}'), object),
    },
  ];
  for (const name of (branch.required ?? []) as string[]) {
    out.push({ label: `${where} without ${name}`, value: withoutProperty(object, name) });
  }
  for (const [name, property] of Object.entries(properties)) {
    const current = name in object ? object[name] : undefined;
    const inner = current === undefined ? [] : mutations(property, current, `${where}.${name}`);
    const leaf = current === undefined ? mutations(property, null, `${where}.${name}`) : inner;
    for (const variant of leaf) out.push({ label: variant.label, value: withProperty(object, name, variant.value) });
  }
  return out;
}
