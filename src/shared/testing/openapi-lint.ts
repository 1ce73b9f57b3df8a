// Runs the two independent OpenAPI validators over a served document: swagger-parser (structure and $refs, OpenAPI 3.1
// schema) and Redocly's linter with its `recommended` rules. Used by the contract test of the app (src/app.api.test.ts).
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { OpenAPIV3_1 } from 'openapi-types';

export interface LintReport {
  swaggerParser: string[];
  redocly: { errors: string[]; warnings: string[] };
}

/** Both validators' findings; a document is acceptable when `swaggerParser` and `redocly.errors` are empty. */
export async function lintOpenApi(document: unknown): Promise<LintReport> {
  const swaggerParser: string[] = [];
  try {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(document) as OpenAPIV3_1.Document);
  } catch (err) {
    const details = (err as { details?: { message: string; instancePath?: string }[] }).details;
    if (details?.length) swaggerParser.push(...details.map((d) => `${d.instancePath ?? ''} ${d.message}`));
    else swaggerParser.push((err as Error).message);
  }
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  const describe = (p: (typeof problems)[number]) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`;
  return {
    swaggerParser,
    redocly: {
      errors: problems.filter((p) => p.severity === 'error').map(describe),
      warnings: problems.filter((p) => p.severity === 'warn').map(describe),
    },
  };
}
