/**
 * Messages of the channels page (Japanese first). The help under each field says in plain words
 * where in the chat tool's own screens the value is found, for people who are not engineers.
 */
export const channelsMessages = {
  ja: {
    title: '通知先',
    intro:
      '電話があったことを、ふだん使っているチャットやメールに知らせます。ここで登録した通知先を、フローの「通知」の手順や「通話後のまとめ」で選びます。',
    add: '通知先を追加',
    count: '{{count}} 件',
    kinds: {
      slack: {
        name: 'Slack',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'Slack に「Incoming Webhooks」アプリを追加し、通知したいチャンネルを選ぶと表示される URL（https://hooks.slack.com/services/… で始まります）をコピーして貼り付けてください。',
          },
        },
      },
      teams: {
        name: 'Microsoft Teams',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'Teams で通知したいチャネルの「…」→「ワークフロー」から「Webhook 要求を受信したらチャネルに投稿する」を作成し、最後に表示される URL をコピーして貼り付けてください。',
          },
        },
      },
      'google-chat': {
        name: 'Google Chat',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'Google Chat で通知したいスペースを開き、スペース名 →「アプリと統合」→「Webhook を追加」で作った URL（https://chat.googleapis.com/… で始まります）を貼り付けてください。',
          },
        },
      },
      chatwork: {
        name: 'Chatwork',
        fields: {
          apiToken: {
            label: 'API トークン',
            help: 'Chatwork の右上のアカウント名 →「サービス連携」→「API トークン」に表示される英数字です。通知はこのアカウントの名前で投稿されます。',
          },
          roomId: {
            label: 'ルーム ID',
            help: '通知したいチャットを開いたときのアドレスの「#!rid」に続く数字です（…#!rid123456789 なら 123456789）。',
          },
          apiBaseUrl: { label: 'API の URL', help: '空欄なら Chatwork の通常の URL を使います。' },
        },
      },
      'line-works': {
        name: 'LINE WORKS',
        fields: {
          clientId: {
            label: 'Client ID',
            help: 'LINE WORKS Developer Console の「API 2.0」で作ったアプリを開くと表示されます。',
          },
          clientSecret: { label: 'Client Secret', help: '同じアプリの画面に表示されます。' },
          serviceAccount: {
            label: 'Service Account',
            help: '同じアプリの画面で「Service Account」を発行すると表示される ID（…serviceaccount@… の形）です。',
          },
          privateKey: {
            label: 'Private Key',
            help: 'Service Account を発行したときにダウンロードしたファイル（private_….key）をメモ帳で開き、-----BEGIN PRIVATE KEY----- から -----END PRIVATE KEY----- までを全部貼り付けてください。',
          },
          botId: {
            label: 'Bot ID',
            help: 'Developer Console の「Bot」で作った Bot の番号です。その Bot を通知したいトークルームに招待しておいてください。',
          },
          channelId: {
            label: 'チャンネル ID',
            help: '通知したいトークルームのメニュー（…）→「チャンネル ID」で表示される値です。',
          },
          authUrl: { label: '認証サーバーの URL', help: '空欄なら LINE WORKS の通常の URL を使います。' },
          apiBaseUrl: { label: 'API の URL', help: '空欄なら LINE WORKS の通常の URL を使います。' },
        },
      },
      email: {
        name: 'メール',
        fields: {
          to: { label: '宛先', help: '通知を受け取るメールアドレスです。何人にでも送れます。' },
          from: {
            label: '差出人',
            help: '送信に使うメールアドレスです（例: 受付 <info@example.jp>）。下の SMTP サーバーから送ってよいアドレスにしてください。',
          },
          host: {
            label: 'SMTP サーバー',
            help: 'メールの送信サーバーの名前です（例: smtp.example.jp）。プロバイダーやメールサービスの設定案内に書かれています。',
          },
          port: {
            label: 'ポート番号',
            help: '通常は 587 です。465 を使う場合は「SSL/TLS で接続する」をオンにします。',
          },
          secure: {
            label: 'SSL/TLS で接続する（ポート 465）',
            help: 'ポート 587 は送信の途中で自動的に暗号化されるので、オフのままにします。',
          },
          user: {
            label: 'ユーザー名',
            help: 'SMTP のログインに使う名前（多くはメールアドレス）です。ログインが要らなければ空欄にします。',
          },
          password: {
            label: 'パスワード',
            help: 'SMTP のパスワードです。Gmail などでは「アプリ パスワード」を使います。',
          },
        },
      },
      webhook: {
        name: 'Webhook（システム連携）',
        fields: {
          url: { label: '送信先 URL', help: '通知を JSON で受け取るシステムの URL（https://…）です。' },
          secret: {
            label: '署名用シークレット',
            help: '受け取る側が本物の通知か確かめるための合言葉です（16 文字以上）。本文の HMAC-SHA256 署名を X-Flowcall-Signature ヘッダーで送ります。',
          },
        },
      },
    },
    health: {
      unconfigured: '設定が必要です',
      unconfiguredHelp: '接続先がまだ入力されていません。「編集」から設定してください。',
      failing: '送信に失敗しています（{{count}}回連続）',
      failingHelp:
        '通知が届いていません。URL やトークンが変わっていないか確かめ、直したら「テスト送信」で確かめてください。',
      recentFailure: '直近の送信に失敗しました（{{count}}回）',
      ok: '正常に送信できています',
      untested: 'まだ送信していません',
      lastSuccess: '最後に届けた日時: {{at}}',
      lastError: '最後のエラー（{{at}}）: {{error}}',
      lastErrorNoTime: '最後のエラー: {{error}}',
    },
    test: 'テスト送信',
    testing: '送信中…',
    testLabel: '{{name}} にテスト送信',
    testOk: 'テスト通知を送りました。{{name}} に届いているか確かめてください。',
    testFailed: 'テスト通知を送れませんでした: {{error}}',
    edit: '編集',
    delete: '削除',
    editLabel: '{{name}} を編集',
    deleteLabel: '{{name}} を削除',
    idLabel: 'ID: {{id}}',
    empty: {
      title: 'まだ通知先がありません',
      body: 'Slack、Microsoft Teams、Google Chat、Chatwork、LINE WORKS、メール、Webhook に着信を知らせられます。「通知先を追加」から登録してください。',
    },
    form: {
      addTitle: '通知先を追加',
      editTitle: '{{name}} を編集',
      kind: '種類',
      kindHelp: '通知を受け取るサービスを選んでください。',
      kindChanged:
        '種類を変えると、これまでの接続先の設定は引き継がれません。新しい種類の項目をすべて入力してください。',
      name: '名前',
      nameHelp: '例: 受付スタッフ（Slack）。フローで通知先を選ぶときに表示されます。',
      id: 'ID',
      idHelp:
        'フローの中でこの通知先を指す名前です。半角の小文字・数字・ハイフンで書きます。あとから変えられません。',
      idFixed: 'ID: {{id}}（フローがこの ID で通知先を指すため変更できません）',
      secretSet: '設定済み',
      secretKeep: '空欄のままなら、設定済みの値をそのまま使います。変えるときだけ入力してください。',
      secretPlaceholder: '設定済み（変えるときだけ入力）',
      reveal: '入力した{{field}}を表示',
      revealShort: '表示',
      advanced: '詳細設定（ふつうは変更不要）',
      address: '宛先 {{n}}',
      addAddress: '宛先を追加',
      removeAddress: '宛先 {{n}} を削除',
      problems: 'この設定では保存できません:',
      save: '保存',
      saving: '保存中…',
    },
    deleteDialog: {
      title: '通知先を削除',
      body: '「{{name}}」を削除しますか？',
      checking: 'この通知先を使っているフローを調べています…',
      unused: 'この通知先を使っているフローはありません。',
      used: '次のフローがこの通知先を使っています。削除すると、これらのフローからの通知は送られなくなります。フローを保存するには別の通知先を選び直す必要があります。',
      steps: '通知の手順: {{steps}}',
      summary: '通話後のまとめ',
      unknown: '使っているフローを調べられませんでした: {{message}}',
      submit: '削除する',
    },
    done: {
      saved: '「{{name}}」を保存しました',
      deleted: '「{{name}}」を削除しました',
    },
  },
  en: {
    title: 'Notification channels',
    intro:
      'Tell your team about calls in the chat or email they already use. Channels added here can be chosen in a flow’s Notify steps and its after-call summary.',
    add: 'Add a channel',
    count: '{{count}} channels',
    kinds: {
      slack: {
        name: 'Slack',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'Add the “Incoming Webhooks” app in Slack and pick the channel: paste the URL it shows (it starts with https://hooks.slack.com/services/…).',
          },
        },
      },
      teams: {
        name: 'Microsoft Teams',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'In Teams, open the channel’s “…” → Workflows, create “Post to a channel when a webhook request is received”, and paste the URL shown at the end.',
          },
        },
      },
      'google-chat': {
        name: 'Google Chat',
        fields: {
          webhookUrl: {
            label: 'Webhook URL',
            help: 'Open the space in Google Chat, then its name → Apps & integrations → Add webhooks, and paste the URL (it starts with https://chat.googleapis.com/…).',
          },
        },
      },
      chatwork: {
        name: 'Chatwork',
        fields: {
          apiToken: {
            label: 'API token',
            help: 'In Chatwork: your account name (top right) → Integrations → API token. Messages are posted as that account.',
          },
          roomId: {
            label: 'Room ID',
            help: 'The digits after “#!rid” in the address of the chat (…#!rid123456789 → 123456789).',
          },
          apiBaseUrl: { label: 'API URL', help: 'Leave empty for Chatwork’s usual address.' },
        },
      },
      'line-works': {
        name: 'LINE WORKS',
        fields: {
          clientId: {
            label: 'Client ID',
            help: 'Shown for your app under API 2.0 in the LINE WORKS Developer Console.',
          },
          clientSecret: { label: 'Client Secret', help: 'Shown on the same app page.' },
          serviceAccount: {
            label: 'Service Account',
            help: 'Issue a Service Account on the same page and paste its ID (…serviceaccount@…).',
          },
          privateKey: {
            label: 'Private Key',
            help: 'Open the key file downloaded with the Service Account (private_….key) in a text editor and paste everything from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.',
          },
          botId: {
            label: 'Bot ID',
            help: 'The number of the bot made under Bot in the Developer Console. Invite the bot to the talk room.',
          },
          channelId: { label: 'Channel ID', help: 'In the talk room: menu (…) → Channel ID.' },
          authUrl: { label: 'Auth server URL', help: 'Leave empty for LINE WORKS’s usual address.' },
          apiBaseUrl: { label: 'API URL', help: 'Leave empty for LINE WORKS’s usual address.' },
        },
      },
      email: {
        name: 'Email',
        fields: {
          to: { label: 'To', help: 'The addresses that receive the notifications; as many as you like.' },
          from: {
            label: 'From',
            help: 'The sending address (e.g. Reception <info@example.jp>); one the SMTP server below may send from.',
          },
          host: {
            label: 'SMTP server',
            help: 'The outgoing mail server (e.g. smtp.example.jp), as your provider’s set-up guide names it.',
          },
          port: { label: 'Port', help: 'Usually 587. For 465, turn on “Connect with SSL/TLS”.' },
          secure: {
            label: 'Connect with SSL/TLS (port 465)',
            help: 'Port 587 encrypts the connection on its own (STARTTLS): leave this off.',
          },
          user: {
            label: 'User name',
            help: 'The SMTP login (often the email address). Leave empty if the server needs none.',
          },
          password: { label: 'Password', help: 'The SMTP password; Gmail and others need an app password.' },
        },
      },
      webhook: {
        name: 'Webhook (your own system)',
        fields: {
          url: {
            label: 'URL',
            help: 'The address of the system that receives the notification as JSON (https://…).',
          },
          secret: {
            label: 'Signing secret',
            help: 'A shared secret (16 characters or more) the receiver uses to check the HMAC-SHA256 signature sent in the X-Flowcall-Signature header.',
          },
        },
      },
    },
    health: {
      unconfigured: 'Needs setting up',
      unconfiguredHelp: 'No connection details yet. Use Edit to set it up.',
      failing: 'Sending fails ({{count}} times in a row)',
      failingHelp:
        'Notifications are not arriving. Check that the URL or token has not changed, then use “Send a test”.',
      recentFailure: 'The last send failed ({{count}})',
      ok: 'Sending works',
      untested: 'Nothing sent yet',
      lastSuccess: 'Last delivered: {{at}}',
      lastError: 'Last error ({{at}}): {{error}}',
      lastErrorNoTime: 'Last error: {{error}}',
    },
    test: 'Send a test',
    testing: 'Sending…',
    testLabel: 'Send a test to {{name}}',
    testOk: 'Test message sent. Check that it arrived in {{name}}.',
    testFailed: 'The test message could not be sent: {{error}}',
    edit: 'Edit',
    delete: 'Delete',
    editLabel: 'Edit {{name}}',
    deleteLabel: 'Delete {{name}}',
    idLabel: 'ID: {{id}}',
    empty: {
      title: 'No channels yet',
      body: 'Calls can be announced in Slack, Microsoft Teams, Google Chat, Chatwork, LINE WORKS, by email or to a webhook. Start with “Add a channel”.',
    },
    form: {
      addTitle: 'Add a channel',
      editTitle: 'Edit {{name}}',
      kind: 'Service',
      kindHelp: 'Where the notifications should arrive.',
      kindChanged:
        'Changing the service does not carry the old connection details over: fill in every field of the new one.',
      name: 'Name',
      nameHelp: 'e.g. Reception (Slack). Shown when a flow picks its channel.',
      id: 'ID',
      idHelp:
        'How flows refer to this channel: lower-case letters, digits and hyphens. It cannot be changed later.',
      idFixed: 'ID: {{id}} (flows refer to it, so it cannot change)',
      secretSet: 'Set',
      secretKeep: 'Leave empty to keep the value already set; type only to change it.',
      secretPlaceholder: 'Set (type only to change)',
      reveal: 'Show the {{field}} you typed',
      revealShort: 'Show',
      advanced: 'Advanced (rarely needed)',
      address: 'Address {{n}}',
      addAddress: 'Add an address',
      removeAddress: 'Remove address {{n}}',
      problems: 'These settings cannot be saved:',
      save: 'Save',
      saving: 'Saving…',
    },
    deleteDialog: {
      title: 'Delete channel',
      body: 'Delete “{{name}}”?',
      checking: 'Looking for flows that use this channel…',
      unused: 'No flow uses this channel.',
      used: 'These flows use this channel. Once it is deleted their notifications are not sent, and saving them needs another channel chosen.',
      steps: 'Notify steps: {{steps}}',
      summary: 'After-call summary',
      unknown: 'Could not check which flows use it: {{message}}',
      submit: 'Delete',
    },
    done: {
      saved: 'Saved “{{name}}”',
      deleted: 'Deleted “{{name}}”',
    },
  },
} as const;
