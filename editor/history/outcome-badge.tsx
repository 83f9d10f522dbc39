/**
 * A call's result in plain words with its colour: 完了, 転送, 留守電, or 不在: 時間外 / 回線が埋まっていた
 * / 途中で切れた / 応答なし… The colour is never the only signal: the words say it all.
 */
import { useTranslation } from 'react-i18next';
import type { CallOutcome, MissedReason } from '../api/history-client.ts';
import { outcomeTone } from '../model/history-format.ts';

export function useOutcomeText(): (outcome: CallOutcome, reason: MissedReason | null) => string {
  const { t } = useTranslation('history');
  return (outcome, reason) =>
    outcome === 'missed' && reason
      ? t('missedWith', { reason: t(`reason.${reason}`) })
      : t(`outcome.${outcome}`);
}

export function OutcomeBadge(props: {
  outcome: CallOutcome;
  reason: MissedReason | null;
  provisional?: boolean;
}) {
  const { t } = useTranslation('history');
  const text = useOutcomeText();
  return (
    <span
      className={`outcome outcome-${outcomeTone(props.outcome, props.reason)}`}
      data-outcome={props.outcome}
    >
      {text(props.outcome, props.reason)}
      {props.provisional && <span className="outcome-provisional"> ({t('provisional')})</span>}
    </span>
  );
}
