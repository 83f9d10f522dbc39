/** /api/flows: drafts with validation, publish (immutable versions), history and rollback. */
import { Hono } from 'hono';
import { hasErrors } from '../../schema/issue.ts';
import type { Flow } from '../../schema/kinds.ts';
import { validateFlow } from '../../schema/validate.ts';
import type { Store } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';
import { publishBody, rollbackBody, validBody } from './hardening-bodies.ts';
import { HttpError, jsonBody } from './http-error.ts';
import { validationContext } from './validation-context.ts';
import { workspaceStore } from './workspace-store.ts';

export function flowRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  const check = async (store: Store, doc: unknown) => {
    const issues = validateFlow(doc, await validationContext(store));
    if (hasErrors(issues)) throw new HttpError(422, 'the flow has errors', issues);
    return issues;
  };

  app.get('/', async (c) => {
    const store = workspaceStore(c, deps);
    const flows = await store.flows.list();
    return c.json(
      flows.map(({ id, name, publishedVersion, updatedAt }) => ({ id, name, publishedVersion, updatedAt })),
    );
  });

  app.post('/', async (c) => {
    const store = workspaceStore(c, deps);
    const doc = await jsonBody(c);
    const warnings = await check(store, doc);
    const flow = doc as Flow;
    if (await store.flows.get(flow.id)) throw new HttpError(409, `a flow with id "${flow.id}" exists`);
    return c.json({ ...(await store.flows.saveDraft(flow)), issues: warnings }, 201);
  });

  app.get('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const flow = await store.flows.get(c.req.param('id'));
    if (!flow) throw new HttpError(404, 'no such flow');
    return c.json({ ...flow, issues: validateFlow(flow.draft, await validationContext(store)) });
  });

  app.put('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const doc = await jsonBody(c);
    const warnings = await check(store, doc);
    if ((doc as Flow).id !== c.req.param('id'))
      throw new HttpError(422, 'the flow id in the body does not match the URL');
    return c.json({ ...(await store.flows.saveDraft(doc as Flow)), issues: warnings });
  });

  app.delete('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    if (!(await store.flows.delete(c.req.param('id')))) throw new HttpError(404, 'no such flow');
    return c.body(null, 204);
  });

  app.post('/:id/publish', async (c) => {
    const store = workspaceStore(c, deps);
    const id = c.req.param('id');
    const { comment = '' } = await validBody(c, publishBody, true);
    const flow = await store.flows.get(id);
    if (!flow) throw new HttpError(404, 'no such flow');
    await check(store, flow.draft);
    return c.json(await store.flows.publish(id, comment), 201);
  });

  app.get('/:id/versions', async (c) => {
    const store = workspaceStore(c, deps);
    const versions = await store.flows.versions(c.req.param('id'));
    return c.json(
      versions.map(({ flowId, version, comment, createdAt }) => ({ flowId, version, comment, createdAt })),
    );
  });

  app.get('/:id/versions/:version', async (c) => {
    const store = workspaceStore(c, deps);
    const version = await store.flows.version(c.req.param('id'), Number(c.req.param('version')));
    if (!version) throw new HttpError(404, 'no such version');
    return c.json(version);
  });

  app.post('/:id/rollback', async (c) => {
    const store = workspaceStore(c, deps);
    const { version, comment } = await validBody(c, rollbackBody);
    const id = c.req.param('id');
    if (!(await store.flows.get(id))) throw new HttpError(404, 'no such flow');
    if (!(await store.flows.version(id, version)))
      throw new HttpError(422, '"version" must name an existing version');
    return c.json(await store.flows.rollback(id, version, comment ?? `rollback to version ${version}`), 201);
  });

  return app;
}
