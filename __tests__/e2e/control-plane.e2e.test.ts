// End-to-end checks of the real control plane that scripts/e2e/run.sh starts
// (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok).
// Run with `npm run test:e2e`; without run.sh's KUBECONFIG these tests fail on purpose.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures', 'app');
const kubectlBin = process.env.KID_E2E_KUBECTL || 'kubectl';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function kubectl(args: string[], timeoutMs = 180_000): Result {
  const r = spawnSync(kubectlBin, args, { encoding: 'utf8', timeout: timeoutMs, env: process.env });
  if (r.error) throw new Error(`${kubectlBin} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function kubectlOk(args: string[], timeoutMs?: number): string {
  const r = kubectl(args, timeoutMs);
  if (r.status !== 0) {
    throw new Error(`${kubectlBin} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const namespaces: string[] = [];

/** Creates a fresh namespace and waits for its default ServiceAccount (pods need it). */
async function freshNamespace(prefix: string): Promise<string> {
  const ns = `${prefix}-${randomBytes(4).toString('hex')}`;
  kubectlOk(['create', 'namespace', ns]);
  namespaces.push(ns);
  const deadline = Date.now() + 60_000;
  while (kubectl(['-n', ns, 'get', 'serviceaccount', 'default']).status !== 0) {
    if (Date.now() > deadline) throw new Error(`serviceaccount default not created in namespace ${ns}`);
    await sleep(250);
  }
  return ns;
}

describe('e2e control plane', () => {
  beforeAll(() => {
    if (!process.env.KUBECONFIG) {
      throw new Error(
        'KUBECONFIG is not set: the e2e suite runs only against the control plane of ' +
          'scripts/e2e/run.sh; use `npm run test:e2e`.'
      );
    }
    kubectlOk(['get', '--raw=/readyz']);
  });

  afterAll(() => {
    for (const ns of namespaces) kubectl(['delete', 'namespace', ns, '--wait=false']);
  });

  it('kubectl apply -k of an overlay creates a Deployment whose rollout completes', async () => {
    const ns = await freshNamespace('kid-e2e-ready');
    kubectlOk(['apply', '-n', ns, '-k', path.join(fixtures, 'overlays', 'ready')]);

    kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=120s'], 150_000);

    const deployment = JSON.parse(kubectlOk(['-n', ns, 'get', 'deployment', 'web', '-o', 'json']));
    expect(deployment.spec.template.spec.containers[0].image).toBe('registry.example.com/kid/web:1.2.3');
    expect(deployment.status.availableReplicas).toBe(2);
    expect(deployment.status.updatedReplicas).toBe(2);

    const pods = JSON.parse(kubectlOk(['-n', ns, 'get', 'pods', '-l', 'app=web', '-o', 'json']));
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.spec.nodeName).toBe('kwok-node-0');
      expect(pod.status.phase).toBe('Running');
    }
  });

  it('a Deployment whose pods never become Ready makes rollout status time out', async () => {
    const ns = await freshNamespace('kid-e2e-never-ready');
    kubectlOk(['apply', '-n', ns, '-k', path.join(fixtures, 'overlays', 'never-ready')]);

    const r = kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=10s'], 60_000);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/timed out/i);

    // The pods were scheduled and run, they just never pass readiness.
    const pods = JSON.parse(kubectlOk(['-n', ns, 'get', 'pods', '-l', 'app=web', '-o', 'json']));
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.spec.nodeName).toBe('kwok-node-0');
      expect(pod.status.phase).toBe('Running');
      const ready = pod.status.conditions.find((c: { type: string }) => c.type === 'Ready');
      expect(ready.status).toBe('False');
    }
    const deployment = JSON.parse(kubectlOk(['-n', ns, 'get', 'deployment', 'web', '-o', 'json']));
    expect(deployment.status.availableReplicas ?? 0).toBe(0);
  });
});
