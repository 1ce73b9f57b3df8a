// Names of submitted applications without names in the clear: the keyed blind index written at submission (and by
// a backfill for older rows), the hashes a name search looks up, and the applicant's name for the rows of one list
// page, decrypted row by row (doc/adr/0300-blind-name-index-for-applications.md).
import { blindNameIndex, blindNameQuery } from '#shared/blind-index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { formsKey, openJson, submissionAad } from './crypto.js';
import type { Answers, FlowDefinition } from './flow.js';
import * as repo from './forms.repository.js';

/** The index entries of a submission: the searchable names its flow declares, hashed for its tenant. */
export function submissionNameIndex(secret: string, tenantId: string, flow: FlowDefinition, answers: Answers, submittedAt: Date): string[] {
  return blindNameIndex(secret, tenantId, flow.searchableNames?.(answers, submittedAt) ?? []);
}

/** The hashes a typed name is searched by in this tenant (empty when it holds no word of two letters or more). */
export function nameSearchHashes(secret: string, tenantId: string, text: string): string[] {
  return blindNameQuery(secret, tenantId, text);
}

/** The applicant's name of each given submission (one page of a list): only these rows are decrypted. */
export async function applicantNames(secret: string, tdb: TenantDb, flows: FlowDefinition[], ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const key = formsKey(secret);
  for (const row of await repo.sealedAnswersOf(tdb, ids)) {
    const flow = flows.find((f) => f.id === row.flowId);
    if (!flow?.applicantName) continue;
    const { answers } = openJson<{ answers: Answers }>(row.data, key, submissionAad(tdb.tenantId, row.id));
    const name = flow.applicantName(answers);
    if (name) names.set(row.id, name);
  }
  return names;
}

const BATCH = 200;

/**
 * Gives every submission without a name index one (rows from before the index): decrypts each once, in batches in
 * id order, and writes only where the index is still missing, so it can stop and start again at any point. A row
 * of an unknown flow gets an empty index; a row that does not decrypt is left (and logged) for the next run.
 * Returns how many rows it indexed.
 */
export async function indexSubmissionNames(deps: AppDeps, flows: FlowDefinition[]): Promise<number> {
  const key = formsKey(deps.config.secretKey);
  let after: string | undefined;
  let indexed = 0;
  for (;;) {
    const rows = await repo.unindexedSubmissions(deps.database.db, after, BATCH);
    for (const row of rows) {
      const flow = flows.find((f) => f.id === row.flowId);
      let index: string[] = [];
      try {
        if (flow) index = submissionNameIndex(deps.config.secretKey, row.tenantId, flow, openJson<{ answers: Answers }>(row.data, key, submissionAad(row.tenantId, row.id)).answers, row.submittedAt);
      } catch (err) {
        deps.logger.error({ err, submission: row.id }, 'name index: submission does not decrypt');
        continue;
      }
      if (await repo.setNameIndexIfMissing(new TenantDb(deps.database.db, row.tenantId), row.id, index)) indexed++;
    }
    if (rows.length < BATCH) return indexed;
    after = rows[rows.length - 1]!.id;
  }
}
