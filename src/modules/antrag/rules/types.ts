// Input and result of the Orientierungsrechnung. All money in integer cents.

export type MemberRole = 'applicant' | 'partner' | 'child' | 'other';

/** Income other than earnings and Kindergeld; counted in full (simplified, see the step note). */
export type OtherIncomeKind =
  | 'unterhalt'
  | 'unterhaltsvorschuss'
  | 'rente'
  | 'alg1'
  | 'krankengeld'
  | 'elterngeld'
  | 'sonstiges';

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

export interface EstimateResult {
  ruleSet: { id: string; name: string; validFrom: string };
  month: string;
  steps: Step[];
  totalNeedCents: number;
  countedIncomeCents: number;
  /** totalNeedCents - countedIncomeCents, never below 0 */
  entitlementCents: number;
  assetCheck: AssetCheck;
  /** i18n keys */
  warnings: string[];
  /** ids of unverified parameters that this estimate used */
  unverifiedParameters: string[];
  nonBinding: true;
}
