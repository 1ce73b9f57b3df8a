// Versioned rule sets for the Orientierungsrechnung. Every amount, percentage and age
// limit used by the calculation lives here with its legal source; the calculation code
// holds no figures of its own. A new legal state is a new rule set with its own validFrom.

export type ParameterUnit = 'cents' | 'basisPoints' | 'years' | 'months' | 'weeks';

export interface Parameter {
  /** cents for money, basis points for percentages (1700 = 17 %), whole numbers for ages and weeks */
  value: number;
  unit: ParameterUnit;
  /** law and paragraph the value comes from */
  source: string;
  /** false until someone has checked the value against the law text; the estimate then says so */
  verified: boolean;
  note?: string;
}

/** Structural rules that change with the law, as opposed to figures. */
export interface RuleVariants {
  /** how protected assets are determined (§ 12 SGB II) */
  assetProtection: 'karenzzeit' | 'ageBands';
  /** housing costs during the Karenzzeit (§ 22 Abs. 1 SGB II): in full, or capped at a multiple of the limit */
  housingInKarenzzeit: 'actual' | 'cappedAtMultipleOfLimit';
}

export interface RuleSet {
  id: string;
  name: string;
  /** first day in force, YYYY-MM-DD */
  validFrom: string;
  /** last day in force (inclusive), YYYY-MM-DD; absent while open-ended */
  validTo?: string;
  source: string;
  variants: RuleVariants;
  parameters: Readonly<Record<string, Parameter>>;
}

const verified = (value: number, unit: ParameterUnit, source: string, note?: string): Parameter =>
  note === undefined ? { value, unit, source, verified: true } : { value, unit, source, verified: true, note };

const unverified = (value: number, unit: ParameterUnit, source: string, note: string): Parameter => ({
  value,
  unit,
  source,
  verified: false,
  note,
});

const RBS_SOURCE_2024 =
  '§ 20 Abs. 1a, 2, 4 und § 23 Nr. 1 SGB II i.V.m. § 28a SGB XII und Regelbedarfsstufen-Fortschreibungsverordnung 2024';
const RBS_SOURCE_BESITZSCHUTZ = (year: number) =>
  `§ 20 Abs. 1a, 2, 4 und § 23 Nr. 1 SGB II i.V.m. Regelbedarfsstufen-Fortschreibungsverordnung ${year} und § 28a Abs. 5 SGB XII (Besitzschutz: Beträge von 2024)`;

function regelbedarfe(source: string): Record<string, Parameter> {
  return {
    'regelbedarf.rbs1': verified(56_300, 'cents', source),
    'regelbedarf.rbs2': verified(50_600, 'cents', source),
    'regelbedarf.rbs3': verified(45_100, 'cents', source),
    'regelbedarf.rbs4': verified(47_100, 'cents', source),
    'regelbedarf.rbs5': verified(39_000, 'cents', source),
    'regelbedarf.rbs6': verified(35_700, 'cents', source),
  };
}

const HOT_WATER_NOTE = 'Percentages of § 21 Abs. 7 SGB II per Regelbedarfsstufe; check against the law text.';
const YOUNG_EARNER_NOTE =
  'Raised basic allowance for under-25 pupils, students, trainees and volunteers (Geringfügigkeitsgrenze of the year). ' +
  'The engine applies the percentage bands only to the part of gross earnings above this amount; check against the law text and the Fachliche Weisungen. ' +
  'Earnings from holiday jobs of pupils (§ 11a Abs. 7 SGB II) are not modelled.';

const PENSION_AGE_NOTE =
  'Altersgrenze of § 7a SGB II: 65 years for those born before 1947, raised by birth year to 67 years for those born from 1964 (same steps as § 235 SGB VI); check the table against the law text.';

/** § 7a SGB II: months above 65 years by birth year 1947–1963. */
const PENSION_AGE_STEPS: Readonly<Record<number, number>> = {
  1947: 1, 1948: 2, 1949: 3, 1950: 4, 1951: 5, 1952: 6, 1953: 7, 1954: 8, 1955: 9, 1956: 10, 1957: 11,
  1958: 12, 1959: 14, 1960: 16, 1961: 18, 1962: 20, 1963: 22,
};

/** Who may receive SGB II at all (§ 7 SGB II), as far as the estimate can tell. */
function eligibilityParameters(): Record<string, Parameter> {
  const steps = Object.fromEntries(
    Object.entries(PENSION_AGE_STEPS).map(([year, months]) => [
      `altersgrenze.jahrgang${year}`,
      unverified(months, 'months', '§ 7a Satz 2 SGB II', PENSION_AGE_NOTE),
    ]),
  );
  return {
    'alter.mindestalter': verified(15, 'years', '§ 7 Abs. 1 Satz 1 Nr. 1 SGB II'),
    'altersgrenze.basis': verified(65, 'years', '§ 7a Satz 1 SGB II'),
    ...steps,
    'altersgrenze.ab1964': unverified(67, 'years', '§ 7a Satz 2 SGB II', PENSION_AGE_NOTE),
    'ausschluss.einrichtung.monate': verified(6, 'months', '§ 7 Abs. 4 Satz 3 Nr. 1 SGB II'),
  };
}

/** Bürgergeld rules (12. SGB II-ÄndG) as in force since 2023, with the amounts of the given year. */
function buergergeldParameters(year: 2024 | 2025 | 2026): Record<string, Parameter> {
  const kindergeld = { 2024: 25_000, 2025: 25_500, 2026: 25_900 }[year];
  const kindergeldLaw =
    year === 2024 ? '§ 66 Abs. 1 EStG' : '§ 66 Abs. 1 EStG i.d.F. des Steuerfortentwicklungsgesetzes vom 23.12.2024';
  const geringfuegigkeitsgrenze = { 2024: 53_800, 2025: 55_600, 2026: 60_300 }[year];
  return {
    ...eligibilityParameters(),
    ...regelbedarfe(year === 2024 ? RBS_SOURCE_2024 : RBS_SOURCE_BESITZSCHUTZ(year)),
    'regelbedarf.rbs6.ageBelow': verified(6, 'years', '§ 23 Nr. 1 SGB II'),
    'regelbedarf.rbs5.ageBelow': verified(14, 'years', '§ 23 Nr. 1 SGB II'),
    'regelbedarf.rbs4.ageBelow': verified(18, 'years', '§ 20 Abs. 2 Satz 2 Nr. 1, § 23 Nr. 1 SGB II'),
    'regelbedarf.rbs2.partnerMinAge': verified(18, 'years', '§ 20 Abs. 4 SGB II'),
    'bedarfsgemeinschaft.childAgeBelow': verified(25, 'years', '§ 7 Abs. 3 Nr. 4 SGB II'),
    'alter.volljaehrigkeit': verified(18, 'years', '§ 2 BGB (minor children in § 11b Abs. 3 Satz 3 and § 21 Abs. 3 SGB II)'),

    'kindergeld.perChild': verified(kindergeld, 'cents', kindergeldLaw),
    'kindergeld.defaultAgeBelow': verified(
      18,
      'years',
      '§ 32 Abs. 3 EStG',
      'Assumed paid for every minor child unless the input says otherwise; older children only when the input says so.',
    ),

    'mehrbedarf.schwangerschaft.percent': verified(1_700, 'basisPoints', '§ 21 Abs. 2 SGB II'),
    'mehrbedarf.schwangerschaft.fromWeek': verified(13, 'weeks', '§ 21 Abs. 2 SGB II (nach der zwölften Schwangerschaftswoche)'),
    'mehrbedarf.alleinerziehend.percent': verified(3_600, 'basisPoints', '§ 21 Abs. 3 Nr. 1 SGB II'),
    'mehrbedarf.alleinerziehend.youngChildAgeBelow': verified(7, 'years', '§ 21 Abs. 3 Nr. 1 SGB II'),
    'mehrbedarf.alleinerziehend.childrenAgeBelow': verified(16, 'years', '§ 21 Abs. 3 Nr. 1 SGB II'),
    'mehrbedarf.alleinerziehend.perChildPercent': verified(1_200, 'basisPoints', '§ 21 Abs. 3 Nr. 2 SGB II'),
    'mehrbedarf.alleinerziehend.maxPercent': verified(6_000, 'basisPoints', '§ 21 Abs. 3 Nr. 2 SGB II'),
    'mehrbedarf.behinderung.percent': verified(3_500, 'basisPoints', '§ 21 Abs. 4 SGB II'),
    'mehrbedarf.behinderung.minAge': verified(15, 'years', '§ 7 Abs. 1 Satz 1 Nr. 1, § 23 Nr. 2 SGB II'),
    'mehrbedarf.cap.percentOfRegelbedarf': verified(10_000, 'basisPoints', '§ 21 Abs. 8 SGB II'),
    'mehrbedarf.warmwasser.rbs1': unverified(230, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 1 SGB II', HOT_WATER_NOTE),
    'mehrbedarf.warmwasser.rbs2': unverified(230, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 1 SGB II', HOT_WATER_NOTE),
    'mehrbedarf.warmwasser.rbs3': unverified(230, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 1 SGB II', HOT_WATER_NOTE),
    'mehrbedarf.warmwasser.rbs4': unverified(140, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 2 SGB II', HOT_WATER_NOTE),
    'mehrbedarf.warmwasser.rbs5': unverified(120, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 3 SGB II', HOT_WATER_NOTE),
    'mehrbedarf.warmwasser.rbs6': unverified(80, 'basisPoints', '§ 21 Abs. 7 Satz 2 Nr. 4 SGB II', HOT_WATER_NOTE),

    'einkommen.grundfreibetrag': verified(10_000, 'cents', '§ 11b Abs. 2 Satz 1 SGB II'),
    'einkommen.versicherungspauschale': verified(
      3_000,
      'cents',
      '§ 11b Abs. 1 Satz 1 Nr. 3 SGB II i.V.m. § 6 Abs. 1 Nr. 1 Bürgergeld-V',
      'From income other than earnings of each adult; with earnings it is part of the Grundfreibetrag (§ 11b Abs. 2 Satz 1 SGB II).',
    ),
    'einkommen.stufe1.upTo': verified(52_000, 'cents', '§ 11b Abs. 3 Satz 2 Nr. 1 SGB II'),
    'einkommen.stufe1.percent': verified(2_000, 'basisPoints', '§ 11b Abs. 3 Satz 2 Nr. 1 SGB II'),
    'einkommen.stufe2.upTo': verified(100_000, 'cents', '§ 11b Abs. 3 Satz 2 Nr. 2 SGB II'),
    'einkommen.stufe2.percent': verified(3_000, 'basisPoints', '§ 11b Abs. 3 Satz 2 Nr. 2 SGB II'),
    'einkommen.stufe3.upTo': verified(120_000, 'cents', '§ 11b Abs. 3 Satz 2 Nr. 3 SGB II'),
    'einkommen.stufe3.upToWithChild': verified(
      150_000,
      'cents',
      '§ 11b Abs. 3 Satz 3 SGB II',
      'For an earner living with a minor child in the Bedarfsgemeinschaft or having a minor child elsewhere.',
    ),
    'einkommen.stufe3.percent': verified(1_000, 'basisPoints', '§ 11b Abs. 3 Satz 2 Nr. 3 SGB II'),
    'einkommen.jungeErwerbstaetige.grundfreibetrag': unverified(
      geringfuegigkeitsgrenze,
      'cents',
      '§ 11b Abs. 2b SGB II i.V.m. § 8 Abs. 1a SGB IV',
      YOUNG_EARNER_NOTE,
    ),
    'einkommen.jungeErwerbstaetige.ageBelow': verified(25, 'years', '§ 11b Abs. 2b Satz 1 SGB II'),

    'vermoegen.karenzzeit.firstPerson': verified(4_000_000, 'cents', '§ 12 Abs. 3, Abs. 4 Satz 1 SGB II'),
    'vermoegen.karenzzeit.furtherPerson': verified(1_500_000, 'cents', '§ 12 Abs. 4 Satz 1 SGB II'),
    'vermoegen.perPerson': verified(1_500_000, 'cents', '§ 12 Abs. 2 Satz 1 SGB II'),
  };
}

const REFORM_LAW = 'Gesetz zur Neuen Grundsicherung (13. SGB II-ÄndG), in Kraft ab 01.07.2026';
const REFORM_CARRIED_OVER =
  'Carried over unchanged from the Bürgergeld rules; not yet checked against the text of the reform law as passed.';
const REFORM_ASSET_NOTE =
  'From the government draft: 5,000 € until the 20th birthday, 10,000 € from the 21st year of life, 12,500 € from the 41st, 15,000 € from the 51st, ' +
  'per person, transferable within the Bedarfsgemeinschaft, higher amount from the month the age is reached. Secondary sources differ on ages and amounts.';

/**
 * Marks every SGB II rule carried into the reform set as unverified; the Regelbedarf amounts
 * (RBSFV 2026) and figures from other laws (EStG, BGB, SGB IV) are not part of the reform.
 */
function carriedOverIntoReform(parameters: Record<string, Parameter>): Record<string, Parameter> {
  const touchedByReform = /^(einkommen|mehrbedarf|vermoegen|bedarfsgemeinschaft)\.|^regelbedarf\.rbs\d\./;
  return Object.fromEntries(
    Object.entries(parameters).map(([id, p]) =>
      touchedByReform.test(id) && p.verified ? [id, { ...p, verified: false, note: p.note ?? REFORM_CARRIED_OVER }] : [id, p],
    ),
  );
}

const BUERGERGELD_VARIANTS: RuleVariants = { assetProtection: 'karenzzeit', housingInKarenzzeit: 'actual' };

export const ruleSets: readonly RuleSet[] = [
  {
    id: 'buergergeld-2024',
    name: 'Bürgergeld 2024',
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    source: 'SGB II i.d.F. des Bürgergeld-Gesetzes (12. SGB II-ÄndG); RBSFV 2024; EStG 2024',
    variants: BUERGERGELD_VARIANTS,
    parameters: buergergeldParameters(2024),
  },
  {
    id: 'buergergeld-2025',
    name: 'Bürgergeld 2025',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    source: 'SGB II i.d.F. des Bürgergeld-Gesetzes; RBSFV 2025 (Nullrunde); EStG 2025',
    variants: BUERGERGELD_VARIANTS,
    parameters: buergergeldParameters(2025),
  },
  {
    id: 'buergergeld-2026',
    name: 'Bürgergeld 2026',
    validFrom: '2026-01-01',
    validTo: '2026-06-30',
    source: 'SGB II i.d.F. des Bürgergeld-Gesetzes; RBSFV 2026 (Nullrunde); EStG 2026',
    variants: BUERGERGELD_VARIANTS,
    parameters: buergergeldParameters(2026),
  },
  {
    id: 'grundsicherung-2026-07',
    name: 'Neue Grundsicherung',
    validFrom: '2026-07-01',
    source: `${REFORM_LAW}; RBSFV 2026; EStG 2026`,
    variants: { assetProtection: 'ageBands', housingInKarenzzeit: 'cappedAtMultipleOfLimit' },
    parameters: {
      ...carriedOverIntoReform(buergergeldParameters(2026)),
      'vermoegen.altersstufe1.amount': unverified(500_000, 'cents', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe2.fromAge': unverified(20, 'years', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe2.amount': unverified(1_000_000, 'cents', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe3.fromAge': unverified(40, 'years', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe3.amount': unverified(1_250_000, 'cents', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe4.fromAge': unverified(50, 'years', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'vermoegen.altersstufe4.amount': unverified(1_500_000, 'cents', `§ 12 SGB II n.F.; ${REFORM_LAW}`, REFORM_ASSET_NOTE),
      'unterkunft.karenzzeit.capPercentOfLimit': unverified(
        15_000,
        'basisPoints',
        `§ 22 Abs. 1 SGB II n.F.; ${REFORM_LAW}`,
        'Draft: during the Karenzzeit housing costs are recognised only up to 1.5 times the local limit.',
      ),
    },
  },
];

/** Age bands of the reform's asset protection, lowest first; band 1 starts at birth. */
export const ASSET_AGE_BANDS = [
  { amountId: 'vermoegen.altersstufe1.amount' },
  { fromAgeId: 'vermoegen.altersstufe2.fromAge', amountId: 'vermoegen.altersstufe2.amount' },
  { fromAgeId: 'vermoegen.altersstufe3.fromAge', amountId: 'vermoegen.altersstufe3.amount' },
  { fromAgeId: 'vermoegen.altersstufe4.fromAge', amountId: 'vermoegen.altersstufe4.amount' },
] as const;

export class NoRuleSetError extends Error {
  constructor(readonly month: string) {
    super(`No rule set in force for ${month}`);
    this.name = 'NoRuleSetError';
  }
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** The rule set in force on the first day of the month ('YYYY-MM'). */
export function selectRuleSet(month: string, sets: readonly RuleSet[] = ruleSets): RuleSet {
  if (!isMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const firstDay = `${month}-01`;
  // ISO dates compare correctly as strings.
  const found = sets.find((s) => s.validFrom <= firstDay && (s.validTo === undefined || firstDay <= s.validTo));
  if (!found) throw new NoRuleSetError(month);
  return found;
}

export function getParameter(ruleSet: RuleSet, id: string): Parameter {
  const parameter = ruleSet.parameters[id];
  if (!parameter) throw new Error(`Rule set ${ruleSet.id} has no parameter ${id}`);
  return parameter;
}
