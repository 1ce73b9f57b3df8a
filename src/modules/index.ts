// The module list: every capability the app and the worker are composed of.
import type { WegweiserModule } from '#shared/module.js';
import { antragModule } from './antrag/index.js';
import { auditModule } from './audit/index.js';
import { coachingModule } from './coaching/index.js';
import { feedbackModule } from './feedback/index.js';
import { portalModule } from './portal/index.js';
import { presseModule } from './presse/index.js';
import { rechnerModule } from './rechner/index.js';
import { seminareModule } from './seminare/index.js';
import { servicepointModule } from './servicepoint/index.js';
import { staffModule } from './staff/index.js';
import { tenantsModule } from './tenants/index.js';
import { termineModule } from './termine/index.js';
import { unterlagenModule } from './unterlagen/index.js';

/** Every capability of Wegweiser, in the order their citizen services appear on the start page. */
export const modules: WegweiserModule[] = [tenantsModule, staffModule, auditModule, portalModule, termineModule, servicepointModule, unterlagenModule, rechnerModule, antragModule, coachingModule, seminareModule, presseModule, feedbackModule];
