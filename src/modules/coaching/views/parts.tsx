import type { ComponentChildren } from 'preact';
import { useT, useView } from '#shared/html/context.js';
import type { Aktivitaet, Nachricht, Phase } from '../coaching.tables.js';
import { formatDateTime, formatDayShort } from '#shared/time.js';

export type BadgeKind = 'info' | 'success' | 'warning' | 'danger';

export function Badge({ kind, children }: { kind: BadgeKind; children: ComponentChildren }) {
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class="kern-label">{children}</span>
    </span>
  );
}

export function CoachingAssets() {
  return <link rel="stylesheet" href="/assets/coaching.css" />;
}

export function LocalDate({ value }: { value: string | null | undefined }) {
  const { lang } = useView();
  return value ? <time datetime={value}>{formatDayShort(value, lang)}</time> : <>–</>;
}

export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useT();
  return <Badge kind={phase === 'beendet' ? 'info' : phase === 'nachbetreuung' || phase === 'arbeitsaufnahme' ? 'success' : 'info'}>{t(`coaching:phase.${phase}`)}</Badge>;
}

const statusKind: Record<Aktivitaet['status'], BadgeKind> = { geplant: 'info', laeuft: 'warning', erledigt: 'success', abgebrochen: 'danger' };

export function StatusBadge({ status }: { status: Aktivitaet['status'] }) {
  const t = useT();
  return <Badge kind={statusKind[status]}>{t(`coaching:status.${status}`)}</Badge>;
}

/** The dialogue of one activity, oldest first; who wrote is said in words, not only by position or colour. */
export function Thread({ messages, coachLabel, participantLabel }: { messages: Nachricht[]; coachLabel: string; participantLabel: string }) {
  const { lang } = useView();
  const t = useT();
  if (messages.length === 0) return <p class="kern-body ww-muted">{t('coaching:thread.empty')}</p>;
  return (
    <ol class="ww-thread">
      {messages.map((m) => (
        <li key={m.id} class={`ww-thread__item ww-thread__item--${m.author}`}>
          <p class="kern-body kern-body--small ww-thread__meta">
            <strong>{m.author === 'coach' ? coachLabel : participantLabel}</strong>, <time datetime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, lang)}</time>
          </p>
          <p class="kern-body ww-pre-line">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
