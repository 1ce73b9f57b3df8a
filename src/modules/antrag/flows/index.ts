// The online services of the antrag module as flow definitions of the forms module.
import { bankverbindungFlow } from './bankverbindung.js';
import { erstantragFlow } from './erstantrag/index.js';

/** Every online service of this module; each is one flow definition on the shared engine. */
export const antragFlows = [erstantragFlow, bankverbindungFlow];
export { bankverbindungFlow, erstantragFlow };
