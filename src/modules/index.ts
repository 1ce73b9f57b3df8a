import type { WegweiserModule } from '../shared/module.js';
import { portalModule } from './portal/index.js';
import { tenantsModule } from './tenants/index.js';

/** Every capability of Wegweiser, in the order their citizen services appear on the start page. */
export const modules: WegweiserModule[] = [tenantsModule, portalModule];
