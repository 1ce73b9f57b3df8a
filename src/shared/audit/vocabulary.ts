// The words of the audit log: the actions and object types a row may carry. Each module declares its own;
// the platform knows none of them, and `recordAudit` accepts only declared ones.

/** One module's audit words. `name` is its key in `AuditVocabularies`. */
export interface AuditVocabulary<N extends string = string, A extends string = string, O extends string = string> {
  readonly name: N;
  readonly actions: readonly A[];
  readonly objectTypes: readonly O[];
}

/** Declares a module's audit words, keeping their literal types for `AuditVocabularies`. */
export function auditVocabulary<const N extends string, const A extends string, const O extends string>(
  name: N,
  words: { actions: readonly A[]; objectTypes: readonly O[] },
): AuditVocabulary<N, A, O> {
  return { name, actions: words.actions, objectTypes: words.objectTypes };
}

/**
 * Every module's vocabulary by name, empty here: a module adds its own by declaration merging,
 * `declare module '#shared/audit/vocabulary.js' { interface AuditVocabularies { staff: typeof staffAudit } }`,
 * and lists it in its `auditVocabularies` so the catalogue (and the labels' test) know it at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declarations
export interface AuditVocabularies {}

type Declared = AuditVocabularies[keyof AuditVocabularies];
/** An action of the audit log, e.g. 'staff.list'. */
export type AuditAction = Declared['actions'][number];
/** A type of object an audit row names, e.g. 'staff_user'. */
export type AuditObjectType = Declared['objectTypes'][number];

type After<A extends string, P extends string> = A extends `${P}${infer Rest}` ? Rest : never;
/** What follows `prefix` in the declared actions: for a helper that writes `${prefix}${step}`. */
export type AuditActionAfter<P extends string> = After<AuditAction, P>;
