/**
 * The question before a channel is deleted, naming the flows that would lose their
 * notifications: every flow's draft is read for notify steps and an after-call summary that use
 * the channel (the API does not refuse the delete, so this is the one place a person hears it).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ChannelInfo } from '../api/client.ts';
import { type ChannelUse, channelUses } from '../model/pages-channels.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

type Uses =
  | { status: 'checking' }
  | { status: 'done'; uses: ChannelUse[] }
  | { status: 'failed'; message: string };

async function findUses(channelId: string): Promise<ChannelUse[]> {
  const summaries = await api.flows();
  const flows = await Promise.all(summaries.map((flow) => api.flow(flow.id)));
  return channelUses(flows, channelId);
}

export function ChannelDeleteDialog({
  channel,
  onClose,
  onDeleted,
}: {
  channel: ChannelInfo;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('pages');
  const [uses, setUses] = useState<Uses>({ status: 'checking' });
  useEffect(() => {
    let current = true;
    findUses(channel.id).then(
      (found) => current && setUses({ status: 'done', uses: found }),
      (error: unknown) =>
        current &&
        setUses({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [channel.id]);

  return (
    <ConfirmDialog
      title={t('channels.deleteDialog.title')}
      confirmLabel={t('channels.deleteDialog.submit')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        await api.deleteChannel(channel.id);
        onDeleted();
      }}
    >
      <p>{t('channels.deleteDialog.body', { name: channel.name })}</p>
      <div aria-live="polite" data-testid="channel-uses">
        {uses.status === 'checking' && <p className="muted">{t('channels.deleteDialog.checking')}</p>}
        {uses.status === 'failed' && (
          <p className="notice warn">{t('channels.deleteDialog.unknown', { message: uses.message })}</p>
        )}
        {uses.status === 'done' && uses.uses.length === 0 && <p>{t('channels.deleteDialog.unused')}</p>}
        {uses.status === 'done' && uses.uses.length > 0 && (
          <div className="notice warn">
            <p className="dialog-intro">{t('channels.deleteDialog.used')}</p>
            <ul className="issue-list">
              {uses.uses.map((use) => (
                <li key={use.flowId}>
                  <a className="text-link" href={`#/flows/${encodeURIComponent(use.flowId)}`}>
                    {use.flowName}
                  </a>
                  {' — '}
                  {[
                    ...(use.steps.length > 0
                      ? [t('channels.deleteDialog.steps', { steps: use.steps.join('、') })]
                      : []),
                    ...(use.summary ? [t('channels.deleteDialog.summary')] : []),
                  ].join(' / ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </ConfirmDialog>
  );
}
