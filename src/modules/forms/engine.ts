// Use cases of a flow's drafts: start, save a page, add/remove group items, save-and-resume by
// e-mail, resume. Every save is written to the database at once (encrypted); no HTTP in here.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, NotFoundError, type FieldError } from '#shared/http/errors.js';
import { getI18n } from '#shared/i18n/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/tenants.tables.js';
import { hashTokenBase64url, newToken } from '#shared/crypto.js';
import { formsKey, openJson, sealJson } from './crypto.js';
import type { Answers, FlowDefinition, Item } from './flow.js';
import * as repo from './forms.repository.js';
import type { FormDraft } from './forms.tables.js';
import { applyValues, findInstance, itemLoop, itemsOf, nextInstance, visibleInstances, type Instance } from './navigation.js';
import { validatePage } from './validate.js';
import { berlinDate, berlinDateTime } from '#shared/time.js';

export interface DraftState {
  answers: Answers;
  /** keys of pages answered (or seen, for content pages) */
  done: string[];
  /** raw input of pages that failed validation, so nothing typed is lost */
  pending: Record<string, Record<string, unknown>>;
  resumeEmail?: string;
}

export interface Draft {
  row: FormDraft;
  state: DraftState;
}

export type SaveOutcome =
  | { ok: true; draft: Draft; next: Instance | undefined }
  | { ok: false; draft: Draft; errors: FieldError[]; raw: Record<string, unknown> };

const DAY_MS = 86_400_000;
export const REMINDER_DAYS_BEFORE = 3;

export class FormEngine {
  constructor(
    readonly flow: FlowDefinition,
    readonly deps: AppDeps,
  ) {}

  get ttlDays(): number {
    return this.deps.config.formDraftDays;
  }

  private key() {
    return formsKey(this.deps.config.secretKey);
  }

  aad(tenantId: string, id: string): string {
    return `${tenantId}:${id}:${this.flow.id}`;
  }

  expiry(now: Date): Date {
    return new Date(now.getTime() + this.ttlDays * DAY_MS);
  }

  today(): string {
    return berlinDate(this.deps.clock.now());
  }

  /** Creates an empty draft; the token is returned once and stored only as a hash. */
  async start(tdb: TenantDb, lang: string): Promise<{ draft: Draft; token: string }> {
    const now = this.deps.clock.now();
    const token = newToken();
    const id = randomUUID();
    const state: DraftState = { answers: {}, done: [], pending: {} };
    const row = await repo.insertDraft(tdb, {
      id,
      flowId: this.flow.id,
      tokenHash: hashTokenBase64url(token),
      data: sealJson(state, this.key(), this.aad(tdb.tenantId, id)),
      lang,
      createdAt: now,
      updatedAt: now,
      expiresAt: this.expiry(now),
    });
    return { draft: { row, state }, token };
  }

  /** The draft for a token, or undefined when unknown or expired. Submitted drafts come back without state. */
  async load(tdb: TenantDb, token: string | undefined): Promise<Draft | undefined> {
    if (!token) return undefined;
    const row = await repo.draftByToken(tdb, this.flow.id, hashTokenBase64url(token));
    return row ? this.open(row) : undefined;
  }

  open(row: FormDraft): Draft | undefined {
    if (row.expiresAt.getTime() <= this.deps.clock.now().getTime()) return undefined;
    const state = row.data ? openJson<DraftState>(row.data, this.key(), this.aad(row.tenantId, row.id)) : { answers: {}, done: [], pending: {} };
    return { row, state };
  }

  /**
   * Applies `change` to the freshest state and writes it; if another tab saved in between
   * (version changed), reads again and re-applies, so neither save is lost.
   */
  async update(tdb: TenantDb, draft: Draft, change: (state: DraftState) => DraftState, extra: Partial<FormDraft> = {}): Promise<Draft> {
    let current = draft;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (current.row.submittedAt) throw new ConflictError('forms:errors.alreadySubmitted');
      const now = this.deps.clock.now();
      const state = change(structuredClone(current.state));
      const set = { data: sealJson(state, this.key(), this.aad(tdb.tenantId, current.row.id)), updatedAt: now, expiresAt: this.expiry(now) };
      const written =
        Object.keys(extra).length === 0
          ? await repo.saveDraft(tdb, current.row.id, current.row.version, set)
          : await repo.updateDraftIfVersion(tdb, current.row.id, current.row.version, { ...set, reminderSentAt: null, ...extra });
      if (written) {
        return { row: { ...current.row, ...set, reminderSentAt: null, ...extra, version: current.row.version + 1 }, state };
      }
      const fresh = await repo.draftById(tdb, current.row.id);
      const opened = fresh && this.open(fresh);
      if (!opened) throw new NotFoundError('forms:errors.draftGone');
      current = opened;
    }
    throw new ConflictError('forms:errors.busy');
  }

  instance(draft: Draft, pageId: string, itemId?: string): Instance {
    const instance = findInstance(this.flow, draft.state.answers, pageId, itemId);
    if (!instance) throw new NotFoundError();
    return instance;
  }

  /**
   * Validates and stores one page. On failure the raw input is kept as "pending" when
   * `keepInvalid` is set (leaving the page by "back" or "save for later" loses nothing).
   */
  async savePage(tdb: TenantDb, draft: Draft, instance: Instance, raw: Record<string, unknown>, options: { keepInvalid?: boolean } = {}): Promise<SaveOutcome> {
    const answers = draft.state.answers;
    if (instance.kind === 'content') {
      const saved = await this.update(tdb, draft, (s) => markDone(s, instance.key));
      return { ok: true, draft: saved, next: nextInstance(this.flow, saved.state.answers, instance.key) };
    }
    const result = validatePage(instance, answers, raw, { today: this.today() });
    if (!result.ok) {
      const saved = options.keepInvalid ? await this.update(tdb, draft, (s) => ({ ...s, pending: { ...s.pending, [instance.key]: raw } })) : draft;
      return { ok: false, draft: saved, errors: result.errors, raw };
    }
    if (instance.kind === 'overview' && instance.group) return this.saveOverview(tdb, draft, instance, result.values.addAnother === 'ja');
    const saved = await this.update(tdb, draft, (s) => {
      const fresh = findInstance(this.flow, s.answers, instance.page.id, instance.item?.id) ?? instance;
      return markDone({ ...s, answers: applyValues(s.answers, fresh, result.values) }, instance.key);
    });
    return { ok: true, draft: saved, next: nextInstance(this.flow, saved.state.answers, instance.key) };
  }

  private async saveOverview(tdb: TenantDb, draft: Draft, instance: Instance, addAnother: boolean): Promise<SaveOutcome> {
    const group = instance.group!;
    if (!addAnother) {
      const saved = await this.update(tdb, draft, (s) => markDone(s, instance.key));
      return { ok: true, draft: saved, next: nextInstance(this.flow, saved.state.answers, instance.key) };
    }
    if (itemsOf(draft.state.answers, group.name).length >= group.max) {
      return { ok: false, draft, errors: [{ field: 'addAnother', message: 'forms:validation.groupFull', params: { max: group.max } }], raw: {} };
    }
    const item: Item = { id: randomBytes(6).toString('base64url') };
    const saved = await this.update(tdb, draft, (s) => {
      const pending = { ...s.pending };
      delete pending[instance.key];
      return { ...s, pending, answers: { ...s.answers, [group.name]: [...itemsOf(s.answers, group.name), item] } };
    });
    const loop = itemLoop(visibleInstances(this.flow, saved.state.answers), group, item.id);
    return { ok: true, draft: saved, next: loop[0] };
  }

  async removeItem(tdb: TenantDb, draft: Draft, groupId: string, itemId: string): Promise<Draft> {
    const overview = this.instance(draft, groupId);
    const group = overview.group;
    if (!group || !itemsOf(draft.state.answers, group.name).some((i) => i.id === itemId)) throw new NotFoundError();
    return this.update(tdb, draft, (s) => ({
      answers: { ...s.answers, [group.name]: itemsOf(s.answers, group.name).filter((i) => i.id !== itemId) },
      done: s.done.filter((k) => !k.endsWith(`/${itemId}`)),
      pending: Object.fromEntries(Object.entries(s.pending).filter(([k]) => !k.endsWith(`/${itemId}`))),
      ...(s.resumeEmail ? { resumeEmail: s.resumeEmail } : {}),
    }));
  }

  /** Sends a link to continue later; a new link replaces the previous one. */
  async sendResumeLink(tdb: TenantDb, draft: Draft, tenant: Tenant, email: string, lang: string): Promise<Draft> {
    return tdb.transaction(async (tx) => {
      const token = newToken();
      const saved = await this.update(tx, draft, (s) => ({ ...s, resumeEmail: email }), {
        resumeTokenHash: hashTokenBase64url(token),
        hasResumeEmail: true,
        lang,
      });
      await enqueueMail(tx, this.resumeMail('resume', tenant, email, lang, token, saved.row.expiresAt));
      return saved;
    });
  }

  resumeMail(kind: 'resume' | 'reminder', tenant: Pick<Tenant, 'slug' | 'name'>, to: string, lang: string, token: string, expiresAt: Date) {
    const t = getI18n().getFixedT(lang);
    const service = t(this.flow.titleKey);
    const until = berlinDateTime(expiresAt).toFormat('dd.MM.yyyy');
    const link = `${this.deps.config.publicUrl}/t/${tenant.slug}${this.flow.basePath}/fortsetzen/${token}`;
    const params = { service, tenant: tenant.name, until, link };
    return {
      kind: `forms.${kind}`,
      to,
      subject: t(`forms:mail.${kind}.subject`, params),
      text: t(`forms:mail.${kind}.text`, params),
    };
  }

  /** Exchanges a resume link for a fresh session token (POST only; GET of the link changes nothing). */
  async resume(tdb: TenantDb, resumeToken: string): Promise<{ draft: Draft; token: string } | undefined> {
    const row = await repo.draftByResumeToken(tdb, this.flow.id, hashTokenBase64url(resumeToken));
    const draft = row && !row.submittedAt ? this.open(row) : undefined;
    if (!draft) return undefined;
    const token = newToken();
    const [updated] = await repo.updateDraft(tdb, draft.row.id, { tokenHash: hashTokenBase64url(token) });
    return updated ? { draft: { row: updated, state: draft.state }, token } : undefined;
  }

  /** Has the resume token a live draft behind it? (for the GET page of the link; reads only) */
  async resumeTokenValid(tdb: TenantDb, resumeToken: string): Promise<boolean> {
    const row = await repo.draftByResumeToken(tdb, this.flow.id, hashTokenBase64url(resumeToken));
    return row !== undefined && !row.submittedAt && this.open(row) !== undefined;
  }
}

function markDone(state: DraftState, key: string): DraftState {
  const pending = { ...state.pending };
  delete pending[key];
  return { ...state, pending, done: state.done.includes(key) ? state.done : [...state.done, key] };
}
