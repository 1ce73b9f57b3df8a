// What a mail is, and how a module renders one that the outbox holds unrendered (rendered when it is sent).
import type { Config } from '../config.js';
import type { TenantDb } from '../db/tenant-scope.js';
import type { Tenant } from '../tenancy/tenants.tables.js';
import type { MailAttachment } from './mail.tables.js';

export interface Mail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments?: MailAttachment[];
  /** Extra header lines (e.g. List-Unsubscribe); never personal data beyond a link token. */
  headers?: Record<string, string>;
}

/**
 * A mail whose content is rendered by the sender, not by the request that writes it (ADR 0280): the outbox
 * row holds `data`, and the module's renderer named `renderer` turns it into the mail when it is sent.
 */
export interface DeferredMail {
  kind: string;
  to: string;
  renderer: string;
  data: Record<string, unknown>;
}

/**
 * What the mails of one tenant in one batch of the sender share: `once` loads a thing the first time a mail of the
 * batch asks for `key` and hands every later mail the same promise, so a batch of bookings at one location reads
 * the location once, not once per mail (ADR 0366). It lives for one batch: a changed location shows in the next.
 */
export interface RenderBatch {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Renders a deferred mail of `tenant` from the data its outbox row holds. Registered by a module (mailRenderers). */
export type MailRenderer = (input: { tdb: TenantDb; tenant: Tenant; config: Config; data: Record<string, unknown>; batch: RenderBatch }) => Promise<Mail>;
