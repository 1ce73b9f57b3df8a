// The services whose confirmation pages ask for feedback, and the feedback form.
import { z } from 'zod';
import { multilineText } from '#shared/http/text.js';

/** Citizen services with a feedback link (the forms module's services by their flow id). */
export const feedbackServices = ['termine', 'unterlagen', 'erstantrag', 'bankverbindung', 'rechner'] as const;
export type FeedbackService = (typeof feedbackServices)[number];

export const COMMENT_MAX = 1000;

export const serviceQuery = z.object({ dienst: z.enum(feedbackServices) });

/** The comments page of one service; `seite` counts from 1. */
export const commentsQuery = z.object({ dienst: z.enum(feedbackServices), seite: z.union([z.undefined(), z.string().regex(/^[1-9]\d{0,4}$/)]).transform((s) => (s ? Number(s) : 1)) });

export const feedbackForm = z.strictObject({
  dienst: z.enum(feedbackServices),
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'feedback:validation.rating' }).transform(Number),
  comment: multilineText({ max: COMMENT_MAX }).optional(),
});
