/**
 * 通知先: the workspace's notification channels (Slack, Teams, Google Chat, Chatwork, LINE WORKS,
 * email, webhook). Each shows how sending to it has gone — a channel that keeps failing is
 * flagged with its last error — and has テスト送信, 編集 and 削除. Failing channels come first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ChannelInfo } from '../api/client.ts';
import { useCan } from '../auth/account-store.ts';
import { healthView } from '../model/pages-channels.ts';
import { ChannelCard, type TestState } from './channels-card.tsx';
import { ChannelDeleteDialog } from './channels-delete.tsx';
import { ChannelFormDialog } from './channels-form.tsx';
import { useLoad } from './use-load.ts';
import './pages.css';
import './channels-page.css';

type Editing = { kind: 'add' } | { kind: 'edit'; channel: ChannelInfo };

/** What needs attention first, then by name as people read it. */
const rank = (channel: ChannelInfo) =>
  ({ failing: 0, 'recent-failure': 1, unconfigured: 2, untested: 3, ok: 4 })[healthView(channel).state];
const ordered = (channels: ChannelInfo[]) =>
  [...channels].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'ja'));

export function ChannelsPage() {
  const { t } = useTranslation('pages');
  const channels = useLoad(() => api.channels());
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<ChannelInfo>();
  const [tests, setTests] = useState<Record<string, TestState>>({});
  const [notice, setNotice] = useState<string>();

  const setTest = (id: string, state: TestState) => setTests((all) => ({ ...all, [id]: state }));
  const test = async (channel: ChannelInfo) => {
    setTest(channel.id, { status: 'sending' });
    try {
      await api.testChannel(channel.id);
      setTest(channel.id, { status: 'ok' });
    } catch (error) {
      setTest(channel.id, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
    }
    // The attempt changed the channel's health (a success clears the flag, a failure counts).
    channels.reload();
  };

  const list = ordered(channels.data ?? []);
  const taken = new Set(list.map((c) => c.id));
  const add = () => setEditing({ kind: 'add' });
  const editable = useCan()('settings:edit');

  return (
    <div className="page channels-page">
      <div className="page-head">
        <div>
          <h1>{t('channels.title')}</h1>
          <p className="page-intro">{t('channels.intro')}</p>
        </div>
        {editable && (
          <div className="page-actions">
            <button type="button" className="button primary" onClick={add}>
              {t('channels.add')}
            </button>
          </div>
        )}
      </div>

      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {channels.error && (
        <div className="notice error" role="alert">
          {t('loadError', { message: channels.error })}{' '}
          <button type="button" className="button small" onClick={channels.reload}>
            {t('retry')}
          </button>
        </div>
      )}

      {channels.data && list.length === 0 ? (
        <div className="panel empty-state">
          <h2>{t('channels.empty.title')}</h2>
          <p>{t('channels.empty.body')}</p>
          {editable && (
            <button type="button" className="button primary" onClick={add}>
              {t('channels.add')}
            </button>
          )}
        </div>
      ) : (
        <ul className="channel-list" aria-label={t('channels.title')}>
          {list.map((channel) => (
            <ChannelCard
              key={channel.id}
              channel={channel}
              test={tests[channel.id]}
              onTest={() => void test(channel)}
              onEdit={() => setEditing({ kind: 'edit', channel })}
              onDelete={() => setDeleting(channel)}
            />
          ))}
        </ul>
      )}

      {editing && (
        <ChannelFormDialog
          channel={editing.kind === 'edit' ? editing.channel : undefined}
          taken={taken}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            // A test result belongs to the settings it was sent with.
            setTests(({ [saved.id]: _, ...rest }) => rest);
            setNotice(t('channels.done.saved', { name: saved.name }));
            channels.reload();
          }}
        />
      )}
      {deleting && (
        <ChannelDeleteDialog
          channel={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            setNotice(t('channels.done.deleted', { name: deleting.name }));
            channels.reload();
          }}
        />
      )}
    </div>
  );
}
