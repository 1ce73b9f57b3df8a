// The HTML pages of a flow's wizard: one route pair (GET shows, POST saves) for every page,
// group overview and item page. Registered once per flow definition.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFoundError, type FieldError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { Draft, FormEngine } from './engine.js';
import type { ContentPage, QuestionPage } from './flow.js';
import { flowBase, formBody, instancePath, returnsToCheck, withDraft } from './http.js';
import { firstOpenInstance, itemLoop, itemsOf, previousInstance, visibleFields, visibleInstances, type Instance } from './navigation.js';
import { itemTitle, titleParams } from './summary.js';
import { readForm, validatePage } from './validate.js';
import { ContentView, QuestionView, RemoveItemView } from './views/QuestionView.js';

type Params = { section: string; page: string; item?: string };

const ACTIONS = ['continue', 'save', 'back'] as const;

export function registerPageRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const flow = engine.flow;
  const p = flow.basePath;

  function resolve(draft: Draft, params: Params): Instance {
    const instance = engine.instance(draft, params.page, params.item);
    if (instance.sectionId !== params.section) throw new NotFoundError();
    return instance;
  }

  function backHref(request: FastifyRequest, draft: Draft, instance: Instance): string {
    const base = flowBase(request, flow);
    if (returnsToCheck(request)) return `${base}/pruefen`;
    const previous = previousInstance(flow, draft.state.answers, instance.key);
    if (previous && (!flow.taskList || previous.sectionId === instance.sectionId)) return instancePath(base, previous);
    return flow.taskList ? `${base}/aufgaben` : base;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, draft: Draft, instance: Instance, input?: { raw: Record<string, unknown>; errors: FieldError[] }) {
    const t = request.t;
    const base = flowBase(request, flow);
    const action = `${instancePath(base, instance)}${returnsToCheck(request) ? '?ziel=pruefen' : ''}`;
    const back = backHref(request, draft, instance);
    const params = titleParams(instance, draft.state.answers);
    if (instance.kind === 'content') {
      const page = instance.page as ContentPage;
      const data = await page.load?.({ answers: draft.state.answers, tdb: request.tdb, deps, tenant: request.tenant, now: deps.clock.now() });
      const Component = page.component;
      return reply.render(
        <ContentView title={t(page.titleKey, params)} action={action} backHref={back}>
          <Component answers={draft.state.answers} data={data} />
        </ContentView>,
      );
    }
    const page = instance.page as QuestionPage;
    const fields = visibleFields(page, { answers: draft.state.answers, item: instance.item });
    let raw = input?.raw;
    let errors = input?.errors ?? [];
    const pending = draft.state.pending[instance.key];
    if (!input && pending) {
      // Input that failed validation earlier is shown again, with its errors, instead of being lost.
      raw = pending;
      const result = validatePage(instance, draft.state.answers, pending, { today: engine.today() });
      errors = result.ok ? [] : result.errors;
    }
    const source = instance.item ?? draft.state.answers;
    const values = raw ?? Object.fromEntries(fields.map((f) => [f.name, source[f.name] === undefined ? undefined : f.toRaw(source[f.name])]));
    let overview;
    if (instance.kind === 'overview' && instance.group) {
      const group = instance.group;
      const all = visibleInstances(flow, draft.state.answers);
      overview = {
        heading: t(group.listTitleKey),
        items: itemsOf(draft.state.answers, group.name).map((item) => {
          const first = itemLoop(all, group, item.id)[0];
          return {
            item,
            label: itemTitle(group, item, draft.state.answers),
            changeHref: first ? instancePath(base, first) : action,
            removeHref: `${instancePath(base, instance)}/${item.id}/entfernen`,
          };
        }),
      };
      if (!input && !pending) values.addAnother = undefined;
    }
    const hasItems = overview !== undefined && overview.items.length > 0;
    // The overview asks "add someone?" first, "add someone else?" once the list has entries; the intro is the hint.
    const group = instance.kind === 'overview' ? instance.group : undefined;
    const shownFields = group
      ? fields.map((f) => ({ ...f, labelKey: hasItems ? group.addAnotherKey : group.addFirstKey, hintKey: hasItems ? undefined : group.introKey }))
      : fields;
    return reply.status(errors.length > 0 ? 422 : 200).render(
      <QuestionView
        flow={flow}
        title={group && !hasItems ? t(group.addFirstKey) : t(page.titleKey, params)}
        intro={group ? undefined : page.introKey ? t(page.introKey, params) : undefined}
        fields={shownFields}
        values={values}
        errors={errors}
        params={params}
        action={action}
        backHref={back}
        overview={overview}
      />,
    );
  }

  /** Where to go after a successful save. */
  function target(request: FastifyRequest, draft: Draft, from: Instance, next: Instance | undefined): string {
    const base = flowBase(request, flow);
    const startsNewItem = from.kind === 'overview' && next?.inGroupLoop;
    if (returnsToCheck(request) && !startsNewItem) {
      const open = firstOpenInstance(flow, draft.state.answers, new Set(draft.state.done));
      const isOpen = open && !draft.state.done.includes(open.key);
      return isOpen ? `${instancePath(base, open)}?ziel=pruefen` : `${base}/pruefen`;
    }
    if (!next) return flow.taskList ? `${base}/aufgaben` : `${base}/pruefen`;
    if (flow.taskList && next.sectionId !== from.sectionId) return `${base}/aufgaben`;
    return instancePath(base, next);
  }

  const getPage = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const draft = request.formDraft;
    return show(request, reply, draft, resolve(draft, request.params));
  };

  const postPage = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const draft = request.formDraft;
    const instance = resolve(draft, request.params);
    const body = formBody(request);
    const action = ACTIONS.find((a) => a === body._action) ?? 'continue';
    const { raw, unknown } = instance.kind === 'content' ? { raw: {}, unknown: [] } : readForm(instance, draft.state.answers, body, ['_action']);
    if (unknown.length > 0) throw new DomainError(400, 'forms:errors.unknownFields');
    const base = flowBase(request, flow);
    // Leaving an overview by "back" or "save" must not add an item.
    if (instance.kind === 'overview' && action !== 'continue') {
      return reply.redirect(action === 'save' ? `${base}/speichern` : backHref(request, draft, instance), 303);
    }
    const outcome = await engine.savePage(request.tdb, draft, instance, raw, { keepInvalid: true });
    if (action === 'save') return reply.redirect(`${base}/speichern`, 303);
    if (action === 'back') return reply.redirect(backHref(request, outcome.draft, instance), 303);
    if (!outcome.ok) return show(request, reply, outcome.draft, instance, { raw: outcome.raw, errors: outcome.errors });
    return reply.redirect(target(request, outcome.draft, instance, outcome.next), 303);
  };

  const draft = { preHandler: withDraft(engine, deps) };
  app.get<{ Params: Params }>(`${p}/:section/:page`, draft, getPage);
  app.post<{ Params: Params }>(`${p}/:section/:page`, draft, postPage);
  app.get<{ Params: Params }>(`${p}/:section/:page/:item`, draft, getPage);
  app.post<{ Params: Params }>(`${p}/:section/:page/:item`, draft, postPage);

  // Removing an item: GET asks, POST removes (a GET never changes anything).
  app.get(`${p}/:section/:page/:item/entfernen`, draft, async (request: FastifyRequest<{ Params: Required<Params> }>, reply) => {
    const draft = request.formDraft;
    const overview = resolve(draft, { section: request.params.section, page: request.params.page });
    const item = overview.group && itemsOf(draft.state.answers, overview.group.name).find((i) => i.id === request.params.item);
    if (!item || !overview.group) throw new NotFoundError();
    const base = flowBase(request, flow);
    return reply.render(
      <RemoveItemView label={itemTitle(overview.group, item, draft.state.answers)} action={`${instancePath(base, overview)}/${item.id}/entfernen`} backHref={instancePath(base, overview)} />,
    );
  });
  app.post(`${p}/:section/:page/:item/entfernen`, draft, async (request: FastifyRequest<{ Params: Required<Params> }>, reply) => {
    const draft = request.formDraft;
    const overview = resolve(draft, { section: request.params.section, page: request.params.page });
    await engine.removeItem(request.tdb, draft, overview.key, request.params.item);
    return reply.redirect(instancePath(flowBase(request, flow), overview), 303);
  });
}
