import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './http/validation.js'; // the project's zod messages (a missing value is "required")
import { isUuid, uuidField, uuidString } from './ids.js';

const pattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

describe('an id from an address, a form or a JSON body', () => {
  it('is accepted as PostgreSQL and randomUUID write it', () => {
    expect(isUuid(crypto.randomUUID())).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(uuidString.safeParse('0f8fad5b-d9cb-469f-a165-70867728950e').success).toBe(true);
    expect(uuidField('termine:errors.unknownLocation').safeParse('0f8fad5b-d9cb-469f-a165-70867728950e').success).toBe(true);
  });

  it('is refused in upper case, with anything around it, or cut short', () => {
    for (const value of ['0F8FAD5B-D9CB-469F-A165-70867728950E', ' 0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e/x', '0f8fad5b-d9cb-469f-a165-70867728950', '../etc/passwd', '']) {
      expect(isUuid(value), value).toBe(false);
      expect(uuidString.safeParse(value).success, value).toBe(false);
      expect(uuidField('termine:errors.unknownLocation').safeParse(value).success, value).toBe(false);
    }
  });

  it("is refused with the field's own message, or the generic one that says what an id looks like", () => {
    const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);
    expect(message(uuidField('termine:errors.unknownLocation'), '0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual(['termine:errors.unknownLocation']);
    expect(message(uuidField('termine:errors.unknownLocation'), undefined)).toEqual(['termine:errors.unknownLocation']);
    expect(message(uuidString, '0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual(['common:validation.id']);
    expect(message(uuidString, undefined)).toEqual(['common:validation.required']);
  });

  it('is documented in the OpenAPI document as format uuid with the lower-case pattern', () => {
    expect(z.toJSONSchema(uuidString)).toMatchObject({ type: 'string', format: 'uuid', pattern });
    expect(z.toJSONSchema(z.object({ id: uuidField('termine:errors.unknownLocation').meta({ description: 'The location' }) })).properties).toEqual({
      id: { type: 'string', format: 'uuid', pattern, description: 'The location' },
    });
  });
});
