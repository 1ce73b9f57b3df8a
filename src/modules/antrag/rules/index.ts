// Rules engine of the Orientierungsrechnung (non-binding SGB II estimate) for the Erstantrag.
// Owns the versioned rule sets and the pure calculation; no I/O, callers bring the household.
export { estimate, ESTIMATE_EXCLUSION_KEYS, ESTIMATE_NOTE_KEYS, ESTIMATE_REFERRAL_KEYS, ESTIMATE_STEP_KEYS, ESTIMATE_WARNING_KEYS } from './estimate.js';
export { ImplausibleInputError, PLAUSIBLE_MAX_CENTS } from './plausibility.js';
export { bedarfsgemeinschaftSize, EstimateInputError } from './household.js';
export { formatEuro } from './money.js';
export { getParameter, isMonth, NoRuleSetError, ruleSets, selectRuleSet } from './rule-sets.js';
export type { Parameter, ParameterUnit, RuleSet, RuleVariants } from './rule-sets.js';
export type {
  AssetCheck,
  EstimateHousing,
  EstimateInput,
  EstimateMember,
  EstimateOptions,
  EstimateResult,
  Education,
  Exclusion,
  Residence,
  HousingLimit,
  MemberRole,
  OtherIncomeKind,
  Step,
  StepParams,
} from './types.js';
