// The answers as translated rows: "check your answers", the PDF and the staff view use this.
import type { TFunction } from '#shared/i18n/index.js';
import type { Answers, FlowDefinition, GroupNode, Item, QuestionPage } from './flow.js';
import { itemsOf, visibleFields, visibleInstances, type Instance } from './navigation.js';

export interface SummaryRow {
  label: string;
  value: string;
  /** path below the flow's base, e.g. `/haushalt/person-name/ab12` */
  changePath: string;
}

export interface SummaryBlock {
  /** the item (e.g. household member) the rows belong to */
  title?: string | undefined;
  rows: SummaryRow[];
}

export interface SummarySection {
  id: string;
  title: string;
  blocks: SummaryBlock[];
}

export function itemTitle(group: GroupNode, item: Item, answers: Answers): string {
  const index = itemsOf(answers, group.name).findIndex((i) => i.id === item.id);
  return group.itemLabel(item, index < 0 ? 0 : index);
}

/** `{{name}}` in item page headings. */
export function titleParams(instance: Instance, answers: Answers): Record<string, string> {
  return instance.group && instance.item ? { name: itemTitle(instance.group, instance.item, answers) } : {};
}

export function pagePath(instance: Instance): string {
  return `/${instance.sectionId}/${instance.key}`;
}

export function buildSummary(flow: FlowDefinition, answers: Answers, t: TFunction): SummarySection[] {
  const all = visibleInstances(flow, answers);
  return flow.sections.map((section) => {
    const blocks: SummaryBlock[] = [];
    const blockFor = (title?: string) => {
      const last = blocks[blocks.length - 1];
      if (last && last.title === title) return last;
      const block: SummaryBlock = { title, rows: [] };
      blocks.push(block);
      return block;
    };
    for (const instance of all.filter((i) => i.sectionId === section.id)) {
      if (instance.kind === 'content') continue;
      if (instance.kind === 'overview' && instance.group) {
        const group = instance.group;
        const names = itemsOf(answers, group.name).map((item, i) => group.itemLabel(item, i));
        blockFor().rows.push({
          label: t(group.listTitleKey),
          value: names.length > 0 ? names.join(', ') : t('forms:summary.nobody'),
          changePath: pagePath(instance),
        });
        continue;
      }
      const page = instance.page as QuestionPage;
      const source = instance.item ?? answers;
      const params = titleParams(instance, answers);
      const block = blockFor(instance.group && instance.item ? itemTitle(instance.group, instance.item, answers) : undefined);
      const fields = visibleFields(page, { answers, item: instance.item });
      for (const field of fields) {
        const value = source[field.name];
        block.rows.push({
          label: page.fields.length === 1 ? t(page.titleKey, params) : t(field.labelKey, params),
          value: value === undefined ? t('forms:summary.notGiven') : field.display(value, t),
          changePath: pagePath(instance),
        });
      }
    }
    return { id: section.id, title: t(section.titleKey), blocks };
  });
}
