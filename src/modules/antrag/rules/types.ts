// Input and result of the Orientierungsrechnung. All money in integer cents.

/**
 * How a member is related to the applicant. 'parent': the applicant's father or mother (an
 * unmarried applicant under 25 forms a Bedarfsgemeinschaft with them, § 7 Abs. 3 Nr. 2, 4 SGB II);
 * 'sibling': the applicant's brother or sister (in the parents' Bedarfsgemeinschaft while under 25);
 * 'fosterChild': a Pflegekind, never a member of the Bedarfsgemeinschaft; 'other': anyone else in the flat.
 */
export type MemberRole = 'applicant' | 'partner' | 'child' | 'parent' | 'sibling' | 'fosterChild' | 'other';

/** Income other than earnings and Kindergeld; counted in full (simplified, see the step note). */
export type OtherIncomeKind =
  | 'unterhalt'
  | 'unterhaltsvorschuss'
  | 'rente'
  | 'alg1'
  | 'krankengeld'
  | 'elterngeld'
  /** the child's income wherever it is entered (§ 11 Abs. 1 Satz 4, 5 SGB II) */
  | 'kinderzuschlag'
  /** Kindergeld entered as an amount: for a child of the Bedarfsgemeinschaft it means "Kindergeld is paid" */
  | 'kindergeld'
  | 'sonstiges';

/** Training that may exclude from SGB II (§ 7 Abs. 5, 6 SGB II). */
export type Education = 'none' | 'school' | 'vocationalTraining' | 'studies';

/** Residence status, as far as it matters for § 7 Abs. 1 Satz 2 SGB II. */
export type Residence =
  | 'german'
  /** EU citizen who works or is self-employed, or has lived in Germany for five years */
  | 'euWorker'
  /** a foreign national in the first three months, not working */
  | 'firstThreeMonths'
  /** right of residence only to look for work */
  | 'jobSeeking'
  /** asylum seekers, Duldung: benefits under the AsylbLG */
  | 'asylum'
  /** a residence permit (recognised refugees, § 24 AufenthG, others) */
  | 'residencePermit';

export interface EstimateMember {
  /** stable key within the household, used in step params */
  id: string;
  /** how the UI names the member in the steps; defaults to id */
  label?: string;
  role: MemberRole;
  /** YYYY-MM-DD */
  birthDate: string;
  /** week of pregnancy reached in the estimated month */
  pregnancyWeek?: number;
  /** receives participation benefits (Leistungen zur Teilhabe am Arbeitsleben, Eingliederungshilfe) */
  disabilityParticipationBenefits?: boolean;
  /** pupil, student, trainee or volunteer (relevant for § 11b Abs. 2b SGB II) */
  inSchoolOrTraining?: boolean;
  /** Kindergeld is paid for this child; defaults to true for children under 18 at the start of the month */
  kindergeld?: boolean;
  earnings?: { grossCents: number; netCents: number };
  /** false: does not raise the minor children alone (no Mehrbedarf § 21 Abs. 3 SGB II); default derived from the household */
  singleParent?: boolean;
  /** § 11b Abs. 3 Satz 3: has a minor child who lives elsewhere */
  minorChildElsewhere?: boolean;
  /** § 8 SGB II: can work at least three hours a day; defaults to true */
  ableToWork?: boolean;
  /** § 7 Abs. 5, 6 SGB II; defaults to 'none' */
  education?: Education;
  /** § 7 Abs. 4 SGB II: expected to stay more than six months in a hospital, care home or prison */
  inInstitution?: boolean;
  /** § 7 Abs. 4 SGB II: receives an old-age pension (also an early one) */
  oldAgePension?: boolean;
  /** § 7 Abs. 1 Satz 2 SGB II; defaults to 'german' */
  residence?: Residence;
  otherIncome?: readonly { kind: OtherIncomeKind; amountCents: number }[];
}

export interface EstimateHousing {
  kaltmieteCents: number;
  nebenkostenCents: number;
  heizkostenCents: number;
  /** hot water is heated in the flat (boiler, instantaneous water heater) */
  decentralHotWater?: boolean;
}

export interface EstimateInput {
  /** everyone living in the flat, including members outside the Bedarfsgemeinschaft */
  members: readonly EstimateMember[];
  housing: EstimateHousing;
  /** total assets of the Bedarfsgemeinschaft (without protected items such as an appropriate car or home) */
  assetsCents: number;
  /** first year of benefits (first application: true, the default) */
  karenzzeit?: boolean;
}

/** The tenant's reasonable limits for the size of the Bedarfsgemeinschaft. */
export interface HousingLimit {
  bruttokaltmieteCents: number;
  heizkostenCents?: number;
}

export interface EstimateOptions {
  /** YYYY-MM */
  month: string;
  housingLimit?: HousingLimit;
}

export type StepParams = Record<string, string | number>;

export interface Step {
  /** i18n key, e.g. 'antrag.estimate.step.regelbedarf' */
  key: string;
  /** need side or income side, so the UI can show two blocks with subtotals */
  section: 'bedarf' | 'einkommen';
  /** values for interpolation: member, stufe, percent, … (amounts in cents, percentages as numbers) */
  params: StepParams;
  amountCents: number;
  /** effect on the entitlement: '+' raises it (a need, an allowance), '-' lowers it (income, a cap) */
  sign: '+' | '-';
  parameterIds: string[];
}

export interface AssetCheck {
  assetsCents: number;
  limitCents: number;
  aboveLimit: boolean;
  parameterIds: string[];
}

/** A reason why the applicant is probably not entitled to SGB II at all, and where help comes from instead. */
export interface Exclusion {
  /** i18n key below antrag.estimate.exclusion */
  key: string;
  /** i18n key below antrag.estimate.referral */
  referral: string;
  parameterIds: string[];
}

export interface EstimateResult {
  ruleSet: { id: string; name: string; validFrom: string };
  month: string;
  steps: Step[];
  totalNeedCents: number;
  countedIncomeCents: number;
  /** totalNeedCents - countedIncomeCents, never below 0 */
  entitlementCents: number;
  assetCheck: AssetCheck;
  /** reasons why SGB II is probably excluded; when present, no amounts are computed */
  exclusions: Exclusion[];
  /** no exclusion, assets within the limit and an amount above zero */
  eligible: boolean;
  /** i18n keys */
  warnings: string[];
  /** ids of unverified parameters that this estimate used */
  unverifiedParameters: string[];
  nonBinding: true;
}
