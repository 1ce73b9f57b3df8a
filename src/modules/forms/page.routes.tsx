// The HTML pages of a flow's wizard: one route pair (GET shows, POST saves) for every page,
// group overview and item page. Registered once per flow definition; the handlers below are named
// by what the person does and share the draft preHandler.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFoundError, type FieldError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { Draft, FormEngine } from './engine.js';
import type { ContentPage, QuestionPage } from './flow.js';
import { flowBase, formBody, instancePath, returnsToCheck, withDraft, type FlowRoutes } from './http.js';
import { firstOpenInstance, itemLoop, itemsOf, previousInstance, visibleFields, visibleInstances, type Instance } from './navigation.js';
import { itemTitle, titleParams } from './summary.js';
import { readForm, validatePage } from './validate.js';
import { ContentView, QuestionView, RemoveItemView } from './views/QuestionView.js';

type Params = { section: string; page: string; item?: string };
type PageRequest = FastifyRequest<{ Params: Params }>;
type ItemRequest = FastifyRequest<{ Params: Required<Params> }>;
type Input = { raw: Record<string, unknown>; errors: FieldError[] };

const ACTIONS = ['continue', 'save', 'back'] as const;

export function registerPageRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const ctx: FlowRoutes = { engine, deps, flow: engine.flow };
  const p = engine.flow.basePath;
  const draft = { preHandler: withDraft(engine, deps) };
  for (const path of [`${p}/:section/:page`, `${p}/:section/:page/:item`]) {
    app.get<{ Params: Params }>(path, draft, (request, reply) => showPage(ctx, request, reply));
    app.post<{ Params: Params }>(path, draft, (request, reply) => savePage(ctx, request, reply));
  }
  // Removing an item: GET asks, POST removes (a GET never changes anything).
  app.get<{ Params: Required<Params> }>(`${p}/:section/:page/:item/entfernen`, draft, (request, reply) => askRemoveItem(ctx, request, reply));
  app.post<{ Params: Required<Params> }>(`${p}/:section/:page/:item/entfernen`, draft, (request, reply) => removeItem(ctx, request, reply));
}

async function showPage(ctx: FlowRoutes, request: PageRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  return render(ctx, request, reply, draft, resolve(ctx, draft, request.params));
}

async function savePage(ctx: FlowRoutes, request: PageRequest, reply: FastifyReply) {
  const { engine, flow } = ctx;
  const draft = request.formDraft;
  const instance = resolve(ctx, draft, request.params);
  const body = formBody(request);
  const action = ACTIONS.find((a) => a === body._action) ?? 'continue';
  const { raw, unknown } = instance.kind === 'content' ? { raw: {}, unknown: [] } : readForm(instance, draft.state.answers, body, ['_action']);
  if (unknown.length > 0) throw new DomainError(400, 'forms:errors.unknownFields');
  const base = flowBase(request, flow);
  // Leaving an overview by "back" or "save" must not add an item.
  if (instance.kind === 'overview' && action !== 'continue') {
    return reply.redirect(action === 'save' ? `${base}/speichern` : backHref(ctx, request, draft, instance), 303);
  }
  const outcome = await engine.savePage(request.tdb, draft, instance, raw, { keepInvalid: true });
  if (action === 'save') return reply.redirect(`${base}/speichern`, 303);
  if (action === 'back') return reply.redirect(backHref(ctx, request, outcome.draft, instance), 303);
  if (!outcome.ok) return render(ctx, request, reply, outcome.draft, instance, { raw: outcome.raw, errors: outcome.errors });
  return reply.redirect(target(ctx, request, outcome.draft, instance, outcome.next), 303);
}

async function askRemoveItem(ctx: FlowRoutes, request: ItemRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const overview = resolve(ctx, draft, { section: request.params.section, page: request.params.page });
  const item = overview.group && itemsOf(draft.state.answers, overview.group.name).find((i) => i.id === request.params.item);
  if (!item || !overview.group) throw new NotFoundError();
  const base = flowBase(request, ctx.flow);
  return reply.render(
    <RemoveItemView label={itemTitle(overview.group, item, draft.state.answers)} action={`${instancePath(base, overview)}/${item.id}/entfernen`} backHref={instancePath(base, overview)} />,
  );
}

async function removeItem(ctx: FlowRoutes, request: ItemRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const overview = resolve(ctx, draft, { section: request.params.section, page: request.params.page });
  await ctx.engine.removeItem(request.tdb, draft, overview.key, request.params.item);
  return reply.redirect(instancePath(flowBase(request, ctx.flow), overview), 303);
}

/** The page of the address; a page id under another section's path does not exist. */
function resolve(ctx: FlowRoutes, draft: Draft, params: Params): Instance {
  const instance = ctx.engine.instance(draft, params.page, params.item);
  if (instance.sectionId !== params.section) throw new NotFoundError();
  return instance;
}

function backHref(ctx: FlowRoutes, request: FastifyRequest, draft: Draft, instance: Instance): string {
  const { flow } = ctx;
  const base = flowBase(request, flow);
  if (returnsToCheck(request)) return `${base}/pruefen`;
  const previous = previousInstance(flow, draft.state.answers, instance.key);
  if (previous && (!flow.taskList || previous.sectionId === instance.sectionId)) return instancePath(base, previous);
  return flow.taskList ? `${base}/aufgaben` : base;
}

/** Where to go after a successful save. */
function target(ctx: FlowRoutes, request: FastifyRequest, draft: Draft, from: Instance, next: Instance | undefined): string {
  const { flow } = ctx;
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

function actionOf(request: FastifyRequest, ctx: FlowRoutes, instance: Instance): string {
  return `${instancePath(flowBase(request, ctx.flow), instance)}${returnsToCheck(request) ? '?ziel=pruefen' : ''}`;
}

/** Shows a content page or a question page (with earlier input and its errors, if any). */
async function render(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply, draft: Draft, instance: Instance, input?: Input) {
  return instance.kind === 'content' ? renderContent(ctx, request, reply, draft, instance) : renderQuestion(ctx, request, reply, draft, instance, input);
}

async function renderContent(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply, draft: Draft, instance: Instance) {
  const { deps } = ctx;
  const page = instance.page as ContentPage;
  const data = await page.load?.({ answers: draft.state.answers, tdb: request.tdb, deps, tenant: request.tenant, now: deps.clock.now() });
  const Component = page.component;
  return reply.render(
    <ContentView title={request.t(page.titleKey, titleParams(instance, draft.state.answers))} action={actionOf(request, ctx, instance)} backHref={backHref(ctx, request, draft, instance)}>
      <Component answers={draft.state.answers} data={data} />
    </ContentView>,
  );
}

async function renderQuestion(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply, draft: Draft, instance: Instance, input?: Input) {
  const t = request.t;
  const page = instance.page as QuestionPage;
  const params = titleParams(instance, draft.state.answers);
  const fields = visibleFields(page, { answers: draft.state.answers, item: instance.item });
  const { values, errors, pending } = shownInput(ctx, draft, instance, input);
  const overview = instance.kind === 'overview' ? overviewOf(ctx, request, draft, instance) : undefined;
  if (overview && !input && !pending) values.addAnother = undefined;
  const hasItems = overview !== undefined && overview.items.length > 0;
  // The overview asks "add someone?" first, "add someone else?" once the list has entries; the intro is the hint.
  const group = instance.kind === 'overview' ? instance.group : undefined;
  const shownFields = group
    ? fields.map((f) => ({ ...f, labelKey: hasItems ? group.addAnotherKey : group.addFirstKey, hintKey: hasItems ? undefined : group.introKey }))
    : fields;
  return reply.status(errors.length > 0 ? 422 : 200).render(
    <QuestionView
      flow={ctx.flow}
      title={group && !hasItems ? t(group.addFirstKey) : t(page.titleKey, params)}
      intro={group ? undefined : page.introKey ? t(page.introKey, params) : undefined}
      fields={shownFields}
      values={values}
      errors={errors}
      params={params}
      action={actionOf(request, ctx, instance)}
      backHref={backHref(ctx, request, draft, instance)}
      overview={overview}
    />,
  );
}

/** The values a question page shows: this request's input, input that failed validation earlier, or the saved answers. */
function shownInput(ctx: FlowRoutes, draft: Draft, instance: Instance, input?: Input) {
  const page = instance.page as QuestionPage;
  const fields = visibleFields(page, { answers: draft.state.answers, item: instance.item });
  let raw = input?.raw;
  let errors = input?.errors ?? [];
  const pending = draft.state.pending[instance.key];
  if (!input && pending) {
    // Input that failed validation earlier is shown again, with its errors, instead of being lost.
    raw = pending;
    const result = validatePage(instance, draft.state.answers, pending, { today: ctx.engine.today() });
    errors = result.ok ? [] : result.errors;
  }
  const source = instance.item ?? draft.state.answers;
  const values = raw ?? Object.fromEntries(fields.map((f) => [f.name, source[f.name] === undefined ? undefined : f.toRaw(source[f.name])]));
  return { values, errors, pending };
}

/** The list of a repeatable group's items, each with its change and remove links. */
function overviewOf(ctx: FlowRoutes, request: FastifyRequest, draft: Draft, instance: Instance) {
  const group = instance.group;
  if (!group) return undefined;
  const base = flowBase(request, ctx.flow);
  const all = visibleInstances(ctx.flow, draft.state.answers);
  return {
    heading: request.t(group.listTitleKey),
    items: itemsOf(draft.state.answers, group.name).map((item) => {
      const first = itemLoop(all, group, item.id)[0];
      return {
        item,
        label: itemTitle(group, item, draft.state.answers),
        changeHref: first ? instancePath(base, first) : actionOf(request, ctx, instance),
        removeHref: `${instancePath(base, instance)}/${item.id}/entfernen`,
      };
    }),
  };
}
