/**
 * runtime/store/migrations — the schema history, kept in code (a `Record<string, Migration>`
 * provider, no file-system scanning) so a bundled or tsx-run server migrates the same way.
 * Names sort in order of application; never edit a released migration, add the next one.
 * May import: kysely, ../database.ts types.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { SqlFlavour } from '../database.ts';
import { initialMigration } from './0001-initial.ts';
import { channelsMigration } from './0002-channels.ts';
import { contactsMigration } from './0003-contacts.ts';
import { historyMigration } from './0004-history.ts';
import { accountsMigration } from './0005-accounts.ts';
import { workspaceDataMigration } from './0006-workspace-data.ts';

export function migrations(flavour: SqlFlavour): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(flavour),
    '0002-channels': channelsMigration,
    '0003-contacts': contactsMigration(),
    '0004-history': historyMigration(flavour),
    '0005-accounts': accountsMigration(),
    '0006-workspace-data': workspaceDataMigration(),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly flavour: SqlFlavour) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.flavour);
  }
}

/** Applies every pending migration; throws (with the failing migration's name) on error. */
export async function migrateToLatest<DB>(db: Kysely<DB>, flavour: SqlFlavour): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(flavour) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
