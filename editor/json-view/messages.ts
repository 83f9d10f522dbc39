/** Messages of editor/json-view (Japanese first). */
export const jsonViewMessages = {
  ja: {
    title: 'JSON で編集',
    intro:
      '上級者向け: フローをそのまま JSON で編集できます。正しい JSON に直すと、キャンバスにすぐ反映されます。',
    close: '閉じる',
    closeHint: 'Esc キーでも閉じられます。Ctrl+M を押すと、Tab キーでエディターの外へ移動できます',
    editorLabel: 'フローの JSON',
    loading: 'エディターを読み込み中…',
    status: {
      synced: 'キャンバスと同じ内容です',
      applied: 'キャンバスに反映しました',
      notJson: 'JSON として読み取れないため、キャンバスには反映していません',
      structural: '形式の誤りが {{count}} 件あるため、キャンバスには反映していません: {{first}}',
      pending: 'キャンバスで変更がありました。エディターから離れると読み込み直します',
    },
  },
  en: {
    title: 'Edit as JSON',
    intro: 'For advanced users: edit the flow as JSON. Valid JSON shows on the canvas at once.',
    close: 'Close',
    closeHint: 'Esc also closes it. Ctrl+M makes Tab leave the editor',
    editorLabel: 'Flow JSON',
    loading: 'Loading the editor…',
    status: {
      synced: 'Same as the canvas',
      applied: 'Applied to the canvas',
      notJson: 'Not valid JSON: not applied to the canvas',
      structural: '{{count}} format error(s), not applied to the canvas: {{first}}',
      pending: 'The canvas changed; the text reloads when you leave the editor',
    },
  },
} as const;
