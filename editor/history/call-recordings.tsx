/**
 * A call's recordings: a player and an mp3 download for each message left, with Vonage's
 * transcript next to it (or a note while it is on the way).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client.ts';
import { historyApi, type RecordingView } from '../api/history-client.ts';
import { durationText } from '../model/history-format.ts';
import { saveFile } from '../pages/save-file.ts';

function RecordingPlayer({ recording }: { recording: RecordingView }) {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const [src, setSrc] = useState<string>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let revoke: (() => void) | undefined;
    let current = true;
    historyApi.recordingSource(recording).then(
      (source) => {
        revoke = source.revoke;
        if (current) setSrc(source.src);
        else revoke?.();
      },
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
      revoke?.();
    };
  }, [recording]);

  const download = async () => {
    try {
      const response = await apiFetch(`${recording.url}?download`);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      saveFile(await response.blob(), `recording-${recording.nodeId}.mp3`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="history-recording-player">
      {/* biome-ignore lint/a11y/useMediaCaption: the transcript beside the player is the caption */}
      <audio
        controls
        preload="none"
        src={src}
        aria-label={t('detail.playLabel', { label: recording.label })}
      />
      <button type="button" className="button small" onClick={() => void download()}>
        {t('detail.download')}
      </button>
      {failure && (
        <p className="field-error" role="alert">
          {tp('actionError', { message: failure })}
        </p>
      )}
    </div>
  );
}

export function CallRecordings({ recordings }: { recordings: RecordingView[] }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <ul className="history-recordings">
      {recordings.map((recording) => (
        <li key={recording.nodeId} className="history-recording" data-testid="call-recording">
          <h3>
            {t('detail.recordingTitle', {
              label: recording.label,
              seconds: durationText(recording.seconds, lang),
            })}
          </h3>
          {recording.recorded ? (
            <RecordingPlayer recording={recording} />
          ) : (
            <p className="muted">{t('detail.noMessage')}</p>
          )}
          {recording.recorded && (
            <blockquote className="history-transcript" lang="ja">
              {recording.transcript ?? <span className="muted">{t('detail.transcriptPending')}</span>}
            </blockquote>
          )}
        </li>
      ))}
    </ul>
  );
}
