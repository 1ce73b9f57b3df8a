// Seminare: the staff seminar programme — catalogue, sessions, enrolment with approval, a fair waitlist that
// moves up by itself, attendance, verifiable certificates and training accounts.
// Owns the seminar_* tables.
import type { WegweiserModule } from '../../shared/module.js';
import { roles } from '../staff/index.js';
import { seminareJobs } from './jobs.js';

export const seminareModule: WegweiserModule = {
  name: 'seminare',
  permissions: {
    /** Catalogue, own requests, own training account: every staff member. */
    'seminare.browse': roles,
    /** Decide on the requests of one's own team (the service checks that the person leads the applicant's team). */
    'seminare.approve': ['teamleitung'],
    /** The training office: catalogue, sessions, second approval step, waitlist, reports, certificates. */
    'seminare.manage': ['personalentwicklung'],
    /** Attendance lists of the sessions one trains (the training office: all). */
    'seminare.attendance': ['trainer', 'personalentwicklung'],
  },
  jobs: seminareJobs,
};
