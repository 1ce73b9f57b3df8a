// A curated list of common target occupations by KldB 2010 (Klassifikation der Berufe of the BA): the 5th digit is
// the Anforderungsniveau. Training time is the regular duration of the dual Ausbildung, where there is one.
export const anforderungsniveaus = { '1': 'helfer', '2': 'fachkraft', '3': 'spezialist', '4': 'experte' } as const;
export type Anforderungsniveau = (typeof anforderungsniveaus)[keyof typeof anforderungsniveaus];

export interface Beruf {
  kldb: string;
  title: string;
  /** Regular training time in months (dual Ausbildung), or null where none leads to it. */
  trainingMonths: number | null;
  /** Teilqualifikationen (TQ) in modules exist for this occupation. */
  teilqualifikation: boolean;
}

export const berufe: readonly Beruf[] = [
  { kldb: '51311', title: 'Lagerhelfer/in', trainingMonths: null, teilqualifikation: false },
  { kldb: '51312', title: 'Fachkraft für Lagerlogistik', trainingMonths: 36, teilqualifikation: true },
  { kldb: '52122', title: 'Berufskraftfahrer/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '81302', title: 'Pflegefachmann/-frau', trainingMonths: 36, teilqualifikation: false },
  { kldb: '82101', title: 'Altenpflegehelfer/in', trainingMonths: 12, teilqualifikation: false },
  { kldb: '83112', title: 'Erzieher/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '71402', title: 'Kaufmann/-frau für Büromanagement', trainingMonths: 36, teilqualifikation: true },
  { kldb: '62102', title: 'Kaufmann/-frau im Einzelhandel', trainingMonths: 36, teilqualifikation: true },
  { kldb: '62101', title: 'Verkaufshelfer/in', trainingMonths: null, teilqualifikation: false },
  { kldb: '63302', title: 'Koch/Köchin', trainingMonths: 36, teilqualifikation: true },
  { kldb: '63301', title: 'Küchenhilfe', trainingMonths: null, teilqualifikation: false },
  { kldb: '54101', title: 'Reinigungskraft', trainingMonths: null, teilqualifikation: false },
  { kldb: '54102', title: 'Gebäudereiniger/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '24412', title: 'Metallbauer/in', trainingMonths: 42, teilqualifikation: true },
  { kldb: '26212', title: 'Elektroniker/in', trainingMonths: 42, teilqualifikation: true },
  { kldb: '34202', title: 'Anlagenmechaniker/in SHK', trainingMonths: 42, teilqualifikation: true },
  { kldb: '25212', title: 'Kfz-Mechatroniker/in', trainingMonths: 42, teilqualifikation: true },
  { kldb: '43102', title: 'Fachinformatiker/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '12102', title: 'Gärtner/in', trainingMonths: 36, teilqualifikation: true },
  { kldb: '29202', title: 'Bäcker/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '82312', title: 'Friseur/in', trainingMonths: 36, teilqualifikation: false },
  { kldb: '73202', title: 'Verwaltungsfachangestellte/r', trainingMonths: 36, teilqualifikation: false },
  { kldb: '51322', title: 'Fachkraft für Kurier-, Express- und Postdienstleistungen', trainingMonths: 24, teilqualifikation: true },
  { kldb: '81102', title: 'Medizinische/r Fachangestellte/r', trainingMonths: 36, teilqualifikation: false },
];

const byCode = new Map(berufe.map((b) => [b.kldb, b]));

export function berufByKldb(kldb: string): Beruf | undefined {
  return byCode.get(kldb);
}

export function niveauOf(kldb: string): Anforderungsniveau | undefined {
  return anforderungsniveaus[kldb.at(4) as keyof typeof anforderungsniveaus];
}

/**
 * Training paths to an occupation (doc/domain/coaching.md): dual Ausbildung (full or part-time, § 7a BBiG),
 * Umschulung (shortened by a third, § 180 Abs. 4 SGB III, with a Bildungsgutschein, § 81 SGB III), Teilqualifikation,
 * Externenprüfung (§ 45 Abs. 2 BBiG), and for Helfer occupations direct entry.
 */
export type Weg = 'ausbildung' | 'teilzeitausbildung' | 'umschulung' | 'teilqualifikation' | 'externenpruefung' | 'direkteinstieg';

export function wegeZu(beruf: Beruf): Weg[] {
  if (beruf.trainingMonths === null) return ['direkteinstieg'];
  return ['ausbildung', 'teilzeitausbildung', 'umschulung', ...(beruf.teilqualifikation ? (['teilqualifikation'] as const) : []), 'externenpruefung'];
}
