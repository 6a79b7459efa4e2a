/** Starts and stops the bench server process (bench/servers/main.ts, bundled by prepare.mjs). */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns the server; resolves with its URLs and a `stop()` that ends it (SIGTERM, then SIGKILL after 5 s). */
export async function startBenchServer(serverFile, config, log) {
  const child = spawn(process.execPath, [serverFile, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.length > 20000) stderr = stderr.slice(-10000);
  });
  const urls = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench server did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (parsed.hostUrl) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        log?.(`server: ${line}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (${code}): ${stderr}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
      child.stdin.end();
    });
  return { urls, stop, pid: child.pid, stderr: () => stderr };
}
