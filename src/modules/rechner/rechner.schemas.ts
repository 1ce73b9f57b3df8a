// Input and output of the Bürgergeld-Rechner (page and API). Amounts in integer cents; every limit
// on an amount is the plausibility limit of the rules engine, so that a typing error is named as a
// field instead of producing a five-figure entitlement.
import { z } from 'zod';
import { PLAUSIBLE_MAX_CENTS } from '../antrag/index.js';

export const ROLES = ['applicant', 'partner', 'child', 'parent', 'sibling', 'fosterChild', 'other'] as const;
export const INCOME_KINDS = ['kindergeld', 'unterhalt', 'unterhaltsvorschuss', 'kinderzuschlag', 'elterngeld', 'alg1', 'rente', 'other'] as const;
export const EDUCATION = ['none', 'school', 'vocationalTraining', 'studies'] as const;
export const RESIDENCE = ['german', 'euWorker', 'residencePermit', 'firstThreeMonths', 'jobSeeking', 'asylum'] as const;

const cents = (max: number) => z.number().int().min(0, { error: 'rechner:errors.negative' }).max(max, { error: 'rechner:errors.implausible' });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'rechner:errors.date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'rechner:errors.date' })
  .meta({ example: '1990-04-12' });

export const memberSchema = z.strictObject({
  role: z.enum(ROLES).meta({ description: 'Relation to the applicant; exactly one `applicant`. `parent`: an applicant under 25 forms a Bedarfsgemeinschaft with them.' }),
  birthDate: isoDate,
  earnings: z.strictObject({ grossCents: cents(PLAUSIBLE_MAX_CENTS.earnings), netCents: cents(PLAUSIBLE_MAX_CENTS.earnings) }).optional(),
  otherIncome: z
    .array(z.strictObject({ kind: z.enum(INCOME_KINDS), amountCents: cents(PLAUSIBLE_MAX_CENTS.otherIncome) }))
    .max(10)
    .optional()
    .meta({ description: 'Monthly income other than earnings. Kinderzuschlag and Unterhaltsvorschuss count as the children\'s income wherever entered; Kindergeld belongs to the child (on an adult: Kindergeld for a foster child).' }),
  pregnancyWeek: z.number().int().min(1).max(45).optional(),
  disabilityBenefits: z.boolean().optional().meta({ description: 'Receives participation benefits (Mehrbedarf § 21 Abs. 4 SGB II)' }),
  singleParent: z.boolean().optional().meta({ description: 'false: does not raise the minor children alone' }),
  inEducation: z.boolean().optional().meta({ description: 'Pupil, student, trainee or volunteer (higher allowance on earnings under 25)' }),
  minorChildElsewhere: z.boolean().optional().meta({ description: 'Has a minor child living elsewhere (§ 11b Abs. 3 Satz 3 SGB II)' }),
  ableToWork: z.boolean().optional().meta({ description: 'Can work at least three hours a day (§ 8 SGB II); default true' }),
  education: z.enum(EDUCATION).optional(),
  inInstitution: z.boolean().optional().meta({ description: 'Expected to stay more than six months in a hospital, care home or prison' }),
  oldAgePension: z.boolean().optional(),
  residence: z.enum(RESIDENCE).optional(),
});

export const estimateBody = z
  .strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'rechner:errors.month' }).meta({ example: '2026-03' }),
    members: z.array(memberSchema).min(1).max(15),
    housing: z.strictObject({
      rentCents: cents(PLAUSIBLE_MAX_CENTS.rent).meta({ description: 'Rent with service charges, without heating (Bruttokaltmiete)' }),
      heatingCents: cents(PLAUSIBLE_MAX_CENTS.heating),
      hotWaterDecentral: z.boolean().optional(),
    }),
    assetsCents: cents(PLAUSIBLE_MAX_CENTS.assets).optional(),
    firstYear: z.boolean().optional().meta({ description: 'First year of benefits (Karenzzeit); default true' }),
  })
  .meta({ id: 'EstimateRequest' });

export type EstimateBody = z.output<typeof estimateBody>;

export const estimateResponse = z
  .object({
    month: z.string(),
    ruleSet: z.object({
      id: z.string(),
      name: z.string(),
      validFrom: z.string(),
      unverified: z.array(z.object({ key: z.string(), label: z.string() })).meta({ description: 'Parameters used that are not yet checked against the law text, in plain words' }),
    }),
    eligible: z.boolean(),
    reasons: z.array(z.string()),
    needCents: z.number().int(),
    countedIncomeCents: z.number().int(),
    benefitCents: z.number().int(),
    steps: z.array(
      z.object({
        section: z.enum(['need', 'income']),
        label: z.string(),
        amountCents: z.number().int().meta({ description: 'Positive: a need or an income; negative: a reduction or an allowance. Each section adds up to its total.' }),
        member: z.string().optional().meta({ description: 'Index of the member in the request (as a string)' }),
      }),
    ),
  })
  .meta({ id: 'Estimate' });
