// Serialises JSON responses through the documented zod schema of the route and status. Outside production it
// also refuses a response with fields the schema does not document: zod would drop them silently, and the
// contract tests would then pass while the handler and the document disagree.
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Paths of fields present in `input` but missing in `output` (what the schema stripped). */
export function droppedFields(input: unknown, output: unknown, path = ''): string[] {
  if (Array.isArray(input) && Array.isArray(output)) return input.flatMap((v, i) => droppedFields(v, output[i], `${path}[${i}]`));
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) return [];
    if (!(key in output)) return [at];
    return droppedFields(value, output[key], at);
  });
}

function zodOf(schema: unknown): ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error('response schemas are zod schemas (src/shared/http/operation.ts)');
}

export function responseSerializer({ strict }: { strict: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    const zodSchema = zodOf(schema);
    return (data) => {
      const result = z.safeEncode(zodSchema, data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      if (strict) {
        const dropped = droppedFields(data, result.data);
        if (dropped.length > 0) {
          throw new Error(`Response of ${method} ${url} has fields its schema does not document: ${dropped.join(', ')}`);
        }
      }
      return JSON.stringify(result.data);
    };
  };
}
