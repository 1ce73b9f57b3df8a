// zod schemas of the image and attachment forms of the editor (messages are i18n keys that name the field).
import { z } from 'zod';
import { textInput } from '#shared/http/text.js';

const required = (key: string, max: number) => z.preprocess((v) => v ?? '', textInput({ max, error: key }).min(1, { error: key }));

export const imageForm = z.object({
  alt: required('presse:media.errors.alt', 300),
  credit: required('presse:media.errors.credit', 200),
  caption: z.preprocess((v) => v ?? '', textInput({ max: 500 })),
});
export type ImageForm = z.output<typeof imageForm>;

export const attachmentForm = z.object({ attachmentTitle: required('presse:media.errors.attachmentTitle', 200) });

export const moveForm = z.object({ direction: z.enum(['up', 'down']) });
