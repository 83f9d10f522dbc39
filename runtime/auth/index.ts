/**
 * runtime/auth — accounts, sessions and roles, without HTTP: password hashing (argon2id),
 * random tokens stored only as SHA-256, the one table of which role and scope each /api route
 * needs, the in-memory login limiter, session and invitation rules, the account emails, and the
 * first start (an owner from the environment, a prompt, or a one-time setup link).
 * runtime/http (auth-middleware.ts, api-auth*.ts, api-workspace*.ts) puts them on the wire.
 *
 * May import: node:*, @node-rs/argon2, the Store contract and its account types (with the
 * default workspace's id), runtime/effects/channels/email.ts (the SMTP transport). Must not
 * import: hono, kysely, better-sqlite3, runtime/http, editor/, react (test/import-rules.test.ts).
 */
export { type AccessRule, apiAccess, publicRoutes, ruleFor, type Scope, scopes } from './access.ts';
export { type AccountView, accountView } from './account-view.ts';
export { ensureOwner, type FirstStart } from './first-start.ts';
export { LoginLimiter } from './login-limiter.ts';
export { mailerFromConfig, type SendMail } from './mailer.ts';
export { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
export { hashToken, newToken, sameSecret } from './secrets.ts';
