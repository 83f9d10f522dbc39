/**
 * API tokens of the workspace: make one with a name and what it may do (plain-word checkboxes;
 * the scope's technical name beside each for whoever writes the CI job), see the token once,
 * list them with when they were last used, revoke one.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApiTokenCreated,
  type ApiTokenInfo,
  type Scope,
  scopes,
  workspaceApi,
} from '../api/auth-client.ts';
import { formatDateTime, type Lang } from '../model/pages-format.ts';
import { ConfirmDialog } from '../pages/confirm-dialog.tsx';
import { Field, FieldError } from '../pages/field.tsx';
import { useLoad } from '../pages/use-load.ts';
import { ListTable, LoadProblem } from './members-table.tsx';
import { TokenCreatedDialog } from './token-created-dialog.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

/** i18next reads ':' as its namespace separator, so the words are keyed flows-read etc. */
export const scopeKey = (scope: string) => `members.scopeNames.${scope.replace(':', '-')}`;

export function TokensSection() {
  const { t, i18n } = useTranslation('auth');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const tokens = useLoad(() => workspaceApi.tokens());
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Scope[]>([]);
  const [problems, setProblems] = useState<{ name?: string; scopes?: string }>({});
  const [created, setCreated] = useState<ApiTokenCreated>();
  const [revoking, setRevoking] = useState<ApiTokenInfo>();
  const [notice, setNotice] = useState<string>();
  const { busy, error, submit } = useAuthSubmit();
  const nameRef = useRef<HTMLInputElement>(null);
  const scopesRef = useRef<HTMLFieldSetElement>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const found = {
      ...(name.trim() === '' ? { name: t('members.tokens.nameMissing') } : {}),
      ...(chosen.length === 0 ? { scopes: t('members.tokens.scopesMissing') } : {}),
    };
    setProblems(found);
    if (found.name) return nameRef.current?.focus();
    if (found.scopes) return scopesRef.current?.querySelector('input')?.focus();
    let answer: ApiTokenCreated | undefined;
    await submit(async () => {
      answer = await workspaceApi.createToken(name.trim(), chosen);
    });
    if (!answer) return;
    setCreated(answer);
    setName('');
    setChosen([]);
    tokens.reload();
  };

  const toggle = (scope: Scope, on: boolean) =>
    setChosen((list) =>
      on ? scopes.filter((s) => s === scope || list.includes(s)) : list.filter((s) => s !== scope),
    );

  return (
    <section className="members-section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('members.tokens.heading')}</h2>
      <p className="section-intro">{t('members.tokens.intro')}</p>
      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {error && (
        <p className="notice error" role="alert">
          {t('members.actionError', { message: error.message })}
        </p>
      )}
      <form className="panel members-form" noValidate onSubmit={create}>
        <Field
          label={t('members.tokens.name')}
          help={t('members.tokens.nameHelp')}
          error={problems.name}
          className="grow"
        >
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="choice-list" ref={scopesRef} aria-invalid={problems.scopes ? true : undefined}>
          <legend>{t('members.tokens.scopes')}</legend>
          <div className="scope-grid">
            {scopes.map((scope) => (
              <label key={scope} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                />
                <span>
                  {t(scopeKey(scope))}
                  <small>
                    <code>{scope}</code>
                  </small>
                </span>
              </label>
            ))}
          </div>
          {problems.scopes && <FieldError>{problems.scopes}</FieldError>}
        </fieldset>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('working') : t('members.tokens.submit')}
        </button>
      </form>
      <LoadProblem error={tokens.error} onRetry={tokens.reload} />
      {tokens.data?.length === 0 && <p className="muted">{t('members.tokens.empty')}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <ListTable
          testId="api-tokens"
          caption={t('members.tokens.heading')}
          columns={[
            t('members.tokens.name'),
            t('members.tokens.scopes'),
            t('members.tokens.created'),
            t('members.tokens.lastUsed'),
            t('members.tokens.status'),
          ]}
        >
          {tokens.data.map((token) => (
            <tr key={token.id} data-token={token.name} className={token.revokedAt ? 'revoked' : undefined}>
              <th scope="row">{token.name}</th>
              <td>
                <ul className="scope-list">
                  {token.scopes.map((scope) => (
                    <li key={scope}>{t(scopeKey(scope))}</li>
                  ))}
                </ul>
              </td>
              <td className="nowrap">{formatDateTime(token.createdAt, lang)}</td>
              <td className="nowrap">
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t('members.tokens.unused')}
              </td>
              <td className="nowrap">
                {token.revokedAt ? (
                  t('members.tokens.revokedAt', { date: formatDateTime(token.revokedAt, lang) })
                ) : (
                  <>
                    <span className="badge">{t('members.tokens.active')}</span>{' '}
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={t('members.tokens.revokeLabel', { name: token.name })}
                      onClick={() => setRevoking(token)}
                    >
                      {t('members.tokens.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {created && <TokenCreatedDialog token={created} onClose={() => setCreated(undefined)} />}
      {revoking && (
        <ConfirmDialog
          title={t('members.tokens.revokeTitle')}
          confirmLabel={t('members.tokens.revoke')}
          danger
          onClose={() => setRevoking(undefined)}
          onConfirm={async () => {
            await workspaceApi.revokeToken(revoking.id);
            setRevoking(undefined);
            setNotice(t('members.tokens.revoked', { name: revoking.name }));
            tokens.reload();
          }}
        >
          <p>{t('members.tokens.revokeBody', { name: revoking.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
