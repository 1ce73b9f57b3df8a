// The declarative model of an online service: sections of pages, conditions (skip logic),
// repeatable groups and per-item pages. A new service is a new FlowDefinition, not new code paths.
import type { ComponentType } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/tenants.tables.js';
import type { Answers, Condition, Field, Item, Scope } from './fields.js';

// Fields and pages share the model of answers and conditions; it lives with the fields (fields.ts).
export type { Answers, Condition, Item, Scope } from './fields.js';

export interface QuestionPage {
  kind: 'question';
  /** unique within the flow; the URL segment */
  id: string;
  /** the question or page heading (i18n key; item pages get `{{name}}`) */
  titleKey: string;
  introKey?: string;
  fields: Field[];
  when?: Condition;
  /** checks across fields (e.g. net not above gross); messages are i18n keys */
  refine?: (values: Record<string, unknown>, scope: Scope) => FieldError[];
}

export interface ContentPageProps {
  answers: Answers;
  data: unknown;
}

/** A page that shows something computed from the answers (an estimate, a checklist). */
export interface ContentPage {
  kind: 'content';
  id: string;
  titleKey: string;
  when?: Condition;
  /** informational pages do not count towards a section being complete */
  informational?: boolean;
  load?: (ctx: LoadContext) => Promise<unknown>;
  component: ComponentType<ContentPageProps>;
}

export interface LoadContext {
  answers: Answers;
  tdb: TenantDb;
  deps: AppDeps;
  tenant: Tenant;
  now: Date;
}

/** A repeatable group: an overview page ("add another?") and pages asked for each item. */
export interface GroupNode {
  kind: 'group';
  /** id of the overview page */
  id: string;
  /** key of the array in the answers */
  name: string;
  titleKey: string;
  /** heading of the overview once items exist */
  listTitleKey: string;
  /** the question "add (another) item?" when the list is empty / not empty */
  addFirstKey: string;
  addAnotherKey: string;
  introKey?: string;
  pages: QuestionPage[];
  max: number;
  when?: Condition;
  /** how an item is named in headings and lists (e.g. the first name) */
  itemLabel: (item: Item, index: number) => string;
}

/** Pages asked for every item of an earlier group, item by item (e.g. the income of each household member). */
export interface ForEachNode {
  kind: 'forEach';
  group: string;
  pages: QuestionPage[];
}

export type FlowNode = QuestionPage | ContentPage | GroupNode | ForEachNode;

export interface Section {
  id: string;
  titleKey: string;
  nodes: FlowNode[];
}

export interface StartPageProps {
  /** a draft of this flow exists in this browser */
  hasDraft: boolean;
  /** days of inactivity after which a draft is deleted */
  draftDays: number;
}

export interface FlowDefinition {
  /** stored with every draft and submission, e.g. 'erstantrag' */
  id: string;
  /** below /t/{tenant}, e.g. '/antrag' */
  basePath: string;
  titleKey: string;
  /** prefix of reference numbers, e.g. 'EA' */
  referencePrefix: string;
  sections: Section[];
  /** show a task list (long flows); short flows go straight from page to page */
  taskList: boolean;
  startPage: ComponentType<StartPageProps>;
  /** the declaration of truth shown before submitting (i18n key) */
  declarationKey: string;
  /** extra content on the confirmation page (e.g. the way to hand in documents), given the new reference */
  confirmationExtra?: ComponentType<{ reference: string }>;
  /** e-mail address for the confirmation, if the person gave one */
  contactEmail(answers: Answers): string | undefined;
  /** the applicant's date of birth (YYYY-MM-DD): with the reference number it opens the citizen's status page */
  applicantBirthDate(answers: Answers): string | undefined;
  /** non-personal facts for staff lists and filters (e.g. household size) */
  facets(answers: Answers): Record<string, string | number | boolean>;
  /**
   * the names staff may find the submission by (whole words, through a keyed blind index, doc/adr/0300); none when
   * absent. `submittedAt` is the day ages are counted on.
   */
  searchableNames?(answers: Answers, submittedAt: Date): string[];
  /** the applicant's name as a staff list shows it ("Nachname, Vorname"), read per visible row */
  applicantName?(answers: Answers): string | undefined;
}

/** Checks that page ids are unique and group references exist; returns the flow unchanged. */
export function defineFlow(flow: FlowDefinition): FlowDefinition {
  const ids = new Set<string>();
  const groups = new Set<string>();
  const reserved = new Set(['aufgaben', 'pruefen', 'absenden', 'bestaetigung', 'speichern', 'fortsetzen', 'status', 'start']);
  const add = (id: string) => {
    if (ids.has(id) || reserved.has(id) || !/^[a-z0-9-]+$/.test(id)) throw new Error(`Flow ${flow.id}: bad or duplicate page id ${id}`);
    ids.add(id);
  };
  for (const section of flow.sections) {
    if (reserved.has(section.id)) throw new Error(`Flow ${flow.id}: reserved section id ${section.id}`);
    for (const node of section.nodes) {
      if (node.kind === 'group') {
        add(node.id);
        groups.add(node.name);
        node.pages.forEach((p) => add(p.id));
      } else if (node.kind === 'forEach') {
        if (!groups.has(node.group)) throw new Error(`Flow ${flow.id}: forEach over unknown group ${node.group}`);
        node.pages.forEach((p) => add(p.id));
      } else add(node.id);
    }
  }
  return flow;
}
