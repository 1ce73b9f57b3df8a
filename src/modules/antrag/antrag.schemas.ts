// zod schemas of the applications API (request bodies and responses, also the OpenAPI contract).
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { submissionStatuses } from '../forms/index.js';

const sectionStatus = z.object({ id: z.string(), status: z.enum(['notStarted', 'inProgress', 'completed']) });
const pageRef = z
  .object({ page: z.string(), section: z.string(), item: z.string().optional() })
  .nullable()
  .describe('the next page that needs an answer; null when everything is answered');

const draftInfo = {
  id: uuidString,
  flow: z.string(),
  expiresAt: z.iso.datetime(),
  submitted: z.boolean(),
  complete: z.boolean(),
  sections: z.array(sectionStatus),
  next: pageRef,
};

export const startBody = z
  .strictObject({
    flow: z.enum(['erstantrag', 'bankverbindung']).optional().describe('default erstantrag'),
    lang: z.enum(['de', 'en']).optional(),
  })
  .meta({ id: 'StartApplication' });

export const startResponse = z
  .object({ ...draftInfo, draftToken: z.string().describe('bearer token for every further call; shown only once') })
  .meta({ id: 'ApplicationStarted' });

export const applicationSchema = z
  .object({ ...draftInfo, answers: z.record(z.string(), z.unknown()) })
  .meta({ id: 'Application' });

export const saveBody = z
  .strictObject({
    page: z.string().regex(/^[a-z0-9-]{1,64}$/).describe('page id, e.g. "name" or "person-geburtsdatum"'),
    item: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional().describe('item id for pages asked per household member'),
    values: z
      .record(z.string().max(64), z.unknown())
      .describe('field values: text as strings, amounts as integer cents or German strings ("1.234,56"), dates as YYYY-MM-DD, checkboxes as arrays'),
  })
  .meta({ id: 'SaveApplicationPage' });

export const saveResponse = z.object(draftInfo).meta({ id: 'ApplicationSaved' });

export const submitBody = z.strictObject({ declaration: z.literal(true).describe('the declaration of truth') }).meta({ id: 'SubmitApplication' });

export const submitResponse = z
  .object({ reference: z.string(), statusToken: z.string().describe('bearer token for getApplicationStatus'), submittedAt: z.iso.datetime() })
  .meta({ id: 'ApplicationSubmitted' });

export const statusResponse = z
  .object({
    reference: z.string(),
    flow: z.string(),
    status: z.enum(submissionStatuses),
    submittedAt: z.iso.datetime(),
    timeline: z.array(z.object({ status: z.enum(submissionStatuses), at: z.iso.datetime() })),
  })
  .meta({ id: 'ApplicationStatus' });
