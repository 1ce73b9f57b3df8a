// Pure functions over a flow and its answers: which pages are visible (skip logic), where
// "continue" and "back" lead, the status of each section, and the answers that count.
import { yesNo } from './fields.js';
import type { Answers, ContentPage, FlowDefinition, GroupNode, Item, QuestionPage, Scope } from './flow.js';

export interface Instance {
  /** pageId, or pageId/itemId for pages asked per item */
  key: string;
  sectionId: string;
  kind: 'question' | 'content' | 'overview';
  page: QuestionPage | ContentPage;
  group?: GroupNode | undefined;
  item?: Item | undefined;
  itemIndex?: number | undefined;
  /** a page inside a group's add/edit loop (reached only through the overview) */
  inGroupLoop: boolean;
}

export type SectionStatus = 'notStarted' | 'inProgress' | 'completed';

export function itemsOf(answers: Answers, name: string): Item[] {
  const value = answers[name];
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object' && typeof v.id === 'string') as Item[]) : [];
}

const visible = (page: { when?: ((s: Scope) => boolean) | undefined }, scope: Scope) => !page.when || page.when(scope);

/** The overview page of a group: the list plus the question whether to add another item. */
export function overviewPage(group: GroupNode): QuestionPage {
  return { kind: 'question', id: group.id, titleKey: group.titleKey, fields: [yesNo('addAnother', group.addAnotherKey)] };
}

/** Every page that is asked with the current answers, in order; a group's overview precedes its items. */
export function visibleInstances(flow: FlowDefinition, answers: Answers): Instance[] {
  const out: Instance[] = [];
  const groups = new Map<string, GroupNode>();
  for (const section of flow.sections) {
    for (const node of section.nodes) {
      if (node.kind === 'question' || node.kind === 'content') {
        if (visible(node, { answers })) out.push({ key: node.id, sectionId: section.id, kind: node.kind, page: node, inGroupLoop: false });
      } else if (node.kind === 'group') {
        if (!visible(node, { answers })) continue;
        groups.set(node.name, node);
        out.push({ key: node.id, sectionId: section.id, kind: 'overview', page: overviewPage(node), group: node, inGroupLoop: false });
        itemsOf(answers, node.name).forEach((item, itemIndex) => {
          for (const page of node.pages) {
            if (!visible(page, { answers, item })) continue;
            out.push({ key: `${page.id}/${item.id}`, sectionId: section.id, kind: 'question', page, group: node, item, itemIndex, inGroupLoop: true });
          }
        });
      } else {
        const group = groups.get(node.group);
        if (!group) continue;
        itemsOf(answers, node.group).forEach((item, itemIndex) => {
          for (const page of node.pages) {
            if (!visible(page, { answers, item })) continue;
            out.push({ key: `${page.id}/${item.id}`, sectionId: section.id, kind: 'question', page, group, item, itemIndex, inGroupLoop: false });
          }
        });
      }
    }
  }
  return out;
}

export function findInstance(flow: FlowDefinition, answers: Answers, pageId: string, itemId?: string): Instance | undefined {
  const key = itemId ? `${pageId}/${itemId}` : pageId;
  return visibleInstances(flow, answers).find((i) => i.key === key);
}

/** The pages of a group's loop for one item (used when the item was just added). */
export function itemLoop(all: Instance[], group: GroupNode, itemId: string): Instance[] {
  return all.filter((i) => i.inGroupLoop && i.group === group && i.item?.id === itemId);
}

/** Where "continue" leads after `key`; undefined at the end of the flow. */
export function nextInstance(flow: FlowDefinition, answers: Answers, key: string): Instance | undefined {
  const all = visibleInstances(flow, answers);
  const current = all.find((i) => i.key === key);
  if (!current) return undefined;
  if (current.inGroupLoop && current.group && current.item) {
    const loop = itemLoop(all, current.group, current.item.id);
    const after = loop[loop.findIndex((i) => i.key === key) + 1];
    return after ?? all.find((i) => i.kind === 'overview' && i.group === current.group);
  }
  const index = all.findIndex((i) => i.key === key);
  return all.slice(index + 1).find((i) => !i.inGroupLoop);
}

/** Where "back" leads from `key`; undefined on the first page. */
export function previousInstance(flow: FlowDefinition, answers: Answers, key: string): Instance | undefined {
  const all = visibleInstances(flow, answers);
  const current = all.find((i) => i.key === key);
  if (!current) return undefined;
  if (current.inGroupLoop && current.group && current.item) {
    const loop = itemLoop(all, current.group, current.item.id);
    const before = loop[loop.findIndex((i) => i.key === key) - 1];
    return before ?? all.find((i) => i.kind === 'overview' && i.group === current.group);
  }
  const index = all.findIndex((i) => i.key === key);
  return all
    .slice(0, index)
    .reverse()
    .find((i) => !i.inGroupLoop);
}

const counts = (i: Instance) => !(i.kind === 'content' && (i.page as ContentPage).informational);

export function sectionStatus(flow: FlowDefinition, answers: Answers, done: ReadonlySet<string>, sectionId: string): SectionStatus {
  const instances = visibleInstances(flow, answers).filter((i) => i.sectionId === sectionId);
  const required = instances.filter(counts);
  if (required.every((i) => done.has(i.key))) return 'completed';
  return instances.some((i) => done.has(i.key)) ? 'inProgress' : 'notStarted';
}

export function sectionStatuses(flow: FlowDefinition, answers: Answers, done: ReadonlySet<string>): { id: string; titleKey: string; status: SectionStatus }[] {
  return flow.sections.map((s) => ({ id: s.id, titleKey: s.titleKey, status: sectionStatus(flow, answers, done, s.id) }));
}

export function isComplete(flow: FlowDefinition, answers: Answers, done: ReadonlySet<string>): boolean {
  return visibleInstances(flow, answers).filter(counts).every((i) => done.has(i.key));
}

/** The first page of a section (or of the flow) that still needs an answer, else its first page. */
export function firstOpenInstance(flow: FlowDefinition, answers: Answers, done: ReadonlySet<string>, sectionId?: string): Instance | undefined {
  const all = visibleInstances(flow, answers).filter((i) => sectionId === undefined || i.sectionId === sectionId);
  return all.find((i) => counts(i) && !done.has(i.key)) ?? all[0];
}

/** Fields of a page that are asked with the current answers. */
export function visibleFields(page: QuestionPage, scope: Scope) {
  return page.fields.filter((f) => !f.when || f.when(scope));
}

/**
 * Only the answers of pages and fields that are asked with the current answers: what is
 * submitted, shown on "check your answers" and exported. Answers to questions that no longer
 * apply (e.g. after changing a relation) stay in the draft but are not submitted.
 */
export function prunedAnswers(flow: FlowDefinition, answers: Answers): Answers {
  const result: Answers = {};
  const items = new Map<string, Item>();
  for (const instance of visibleInstances(flow, answers)) {
    if (instance.kind === 'content') continue;
    if (instance.kind === 'overview' && instance.group) {
      const list = itemsOf(answers, instance.group.name).map((item) => ({ id: item.id }));
      list.forEach((item) => items.set(`${instance.group!.name}/${item.id}`, item));
      result[instance.group.name] = list;
      continue;
    }
    const page = instance.page as QuestionPage;
    const source = instance.item ?? answers;
    const target = instance.item && instance.group ? items.get(`${instance.group.name}/${instance.item.id}`) : result;
    if (!target) continue;
    for (const field of visibleFields(page, { answers, item: instance.item })) {
      if (source[field.name] !== undefined) target[field.name] = source[field.name];
    }
  }
  return result;
}

/** Stores validated values of one page in a copy of the answers. */
export function applyValues(answers: Answers, instance: Instance, values: Record<string, unknown>): Answers {
  const write = (target: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete target[name];
      else target[name] = value;
    }
  };
  if (instance.item && instance.group) {
    const name = instance.group.name;
    const list = itemsOf(answers, name).map((item) => {
      if (item.id !== instance.item!.id) return item;
      const copy: Item = { ...item };
      write(copy);
      return copy;
    });
    return { ...answers, [name]: list };
  }
  const copy = { ...answers };
  write(copy);
  return copy;
}
