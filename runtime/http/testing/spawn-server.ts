/**
 * Test-only: starts a real server process and resolves with its URL once it logs that it
 * listens. Every process started here is killed (SIGKILL) by `killAll` — the restart tests kill
 * one on purpose and must not leave the rest running.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
}

const children: ChildProcess[] = [];

/** `node <args…>` in `cwd` with `env`; rejects with the output if it exits or is silent for 20 s. */
export function spawnServer(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<SpawnedServer> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"message":"flowcall is listening","url":"([^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** SIGKILL, then wait until the process is gone (its file locks released). */
export async function killHard(server: SpawnedServer): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

export function killAll(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
}
